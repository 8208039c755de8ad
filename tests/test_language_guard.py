"""unsupported_language and forced_language_mismatch, on samples written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speechsum import language_guard
from speechsum.language_guard import (
    forced_language_mismatch,
    sample_guard_text,
    unsupported_language,
)
from speechsum.model import Language

RU = (
    "Министр образования Алексей Петров заявил в среду, что к началу учебного года в области "
    "откроются двенадцать новых школ. По его словам, строительство идёт по графику, а "
    "подрядчики уже получили первые платежи. «Мы не допустим задержек», — подчеркнул он. "
    "Депутаты областного совета попросили министерство отчитаться о расходах до конца месяца и "
    "пригласить родителей на общественные слушания."
)
KK = (
    "Білім министрі Асқар Омаров сәрсенбі күні оқу жылының басына дейін облыста он екі жаңа "
    "мектеп ашылатынын мәлімдеді. Оның айтуынша, құрылыс кесте бойынша жүріп жатыр, ал "
    "мердігерлер алғашқы төлемдерді алды. «Біз кешігуге жол бермейміз», – деп атап өтті ол. "
    "Облыстық мәслихат депутаттары министрліктен ай соңына дейін шығындар туралы есеп беруді "
    "сұрады."
)
EN = (
    "The education minister, Alan Brooks, said on Wednesday that twelve new schools would open "
    "in the region before the start of the school year. According to him, construction is on "
    "schedule and the contractors have already received their first payments. \"We will not "
    "allow any delays,\" he stressed. Members of the regional council asked the ministry to "
    "report on its spending by the end of the month."
)
DE = (
    "Der Bildungsminister Thomas Weber erklärte am Mittwoch, dass vor Beginn des Schuljahres "
    "zwölf neue Schulen in der Region eröffnet werden. Nach seinen Worten liegen die "
    "Bauarbeiten im Zeitplan, und die Baufirmen haben bereits die ersten Zahlungen erhalten. "
    "„Wir werden keine Verzögerungen zulassen“, betonte er. Die Abgeordneten des Regionalrats "
    "forderten das Ministerium auf, bis Ende des Monats über die Ausgaben zu berichten."
)
FR = (
    "Le ministre de l'Éducation, Pierre Martin, a déclaré mercredi que douze nouvelles écoles "
    "ouvriront dans la région avant la rentrée scolaire. Selon lui, les travaux avancent comme "
    "prévu et les entreprises ont déjà reçu les premiers paiements. « Nous ne tolérerons aucun "
    "retard », a-t-il souligné. Les élus du conseil régional ont demandé au ministère de "
    "rendre compte de ses dépenses avant la fin du mois."
)
ES = (
    "El ministro de Educación, Javier López, afirmó el miércoles que doce nuevas escuelas "
    "abrirán en la región antes del inicio del año escolar. Según sus palabras, las obras "
    "avanzan según el calendario y las empresas constructoras ya han recibido los primeros "
    "pagos. «No permitiremos ningún retraso», subrayó. Los diputados del consejo regional "
    "pidieron al ministerio que informe sobre los gastos antes de fin de mes."
)
TR = (
    "Eğitim Bakanı Mehmet Yılmaz çarşamba günü yaptığı açıklamada, okulların açılmasından önce "
    "bölgede on iki yeni okulun hizmete gireceğini söyledi. Bakana göre inşaat çalışmaları "
    "plana uygun ilerliyor ve müteahhitler ilk ödemelerini almış durumda. \"Hiçbir gecikmeye "
    "izin vermeyeceğiz\" diye vurguladı. Bölge meclisi üyeleri, bakanlıktan ay sonuna kadar "
    "harcamalar hakkında bilgi vermesini istedi."
)
KY = (
    "Билим берүү министри Азамат Усонов шаршемби күнү окуу жылы башталганга чейин облуста он "
    "эки жаңы мектеп ачыла турганын билдирди. Анын айтымында, курулуш пландагыдай жүрүп жатат, "
    "ал эми куруучулар алгачкы төлөмдөрдү алышты. «Биз эч кандай кечигүүгө жол бербейбиз», – "
    "деп баса белгиледи ал. Облустук кеңештин депутаттары министрликтен ай аягына чейин "
    "чыгымдар тууралуу отчет берүүнү суранышты."
)
UK = (
    "Міністр освіти Олександр Коваленко заявив у середу, що до початку навчального року в "
    "області відкриються дванадцять нових шкіл. За його словами, будівництво триває за "
    "графіком, а підрядники вже отримали перші платежі. «Ми не допустимо жодних затримок», — "
    "наголосив він. Депутати обласної ради попросили міністерство звітувати про витрати до "
    "кінця місяця."
)
BE = (
    "Міністр адукацыі Аляксандр Кавалёў заявіў у сераду, што да пачатку навучальнага года ў "
    "вобласці адкрыюцца дванаццаць новых школ. Па яго словах, будаўніцтва ідзе па графіку, а "
    "падрадчыкі ўжо атрымалі першыя плацяжы. «Мы не дапусцім ніякіх затрымак», — падкрэсліў "
    "ён. Дэпутаты абласнога савета папрасілі міністэрства справаздачыцца аб выдатках да канца "
    "месяца."
)
UZ_LATIN = (
    "Xalq ta'limi vaziri Aziz Karimov chorshanba kuni o'quv yili boshlanishidan oldin "
    "viloyatda o'n ikkita yangi maktab ochilishini ma'lum qildi. Uning so'zlariga ko'ra, "
    "qurilish ishlari reja asosida olib borilmoqda va pudratchilar birinchi to'lovlarni "
    "allaqachon olishgan. «Biz hech qanday kechikishga yo'l qo'ymaymiz», — deya ta'kidladi u. "
    "Viloyat kengashi deputatlari vazirlikdan oy oxirigacha xarajatlar haqida hisobot berishni "
    "so'radi."
)
UZ_CYRILLIC = (
    "Халқ таълими вазири Азиз Каримов чоршанба куни ўқув йили бошланишидан олдин вилоятда ўн "
    "иккита янги мактаб очилишини маълум қилди. Унинг сўзларига кўра, қурилиш ишлари режа "
    "асосида олиб борилмоқда ва пудратчилар биринчи тўловларни аллақачон олишган. «Биз ҳеч "
    "қандай кечикишга йўл қўймаймиз», — дея таъкидлади у. Вилоят кенгаши депутатлари "
    "вазирликдан ой охиригача харажатлар ҳақида ҳисобот беришни сўради."
)
TG = (
    "Вазири маориф Фарҳод Раҳимов рӯзи чоршанбе эълон кард, ки то оғози соли таҳсил дар вилоят "
    "дувоздаҳ мактаби нав кушода мешавад. Ба гуфтаи ӯ, корҳои сохтмонӣ мувофиқи нақша идома "
    "доранд ва пудратчиён аллакай пардохтҳои аввалинро гирифтанд. «Мо ягон таъхирро роҳ "
    "намедиҳем», — таъкид кард ӯ. Вакилони шӯрои вилоят аз вазорат хоҳиш карданд, ки то охири "
    "моҳ дар бораи хароҷот ҳисобот диҳад."
)
MN = (
    "Боловсролын сайд Батбаяр лхагва гарагт хичээлийн шинэ жил эхлэхээс өмнө аймагт арван хоёр "
    "шинэ сургууль нээгдэнэ гэж мэдэгдлээ. Түүний хэлснээр барилгын ажил төлөвлөгөөний дагуу "
    "явагдаж байгаа бөгөөд гүйцэтгэгч компаниуд эхний төлбөрөө аль хэдийн авсан байна. «Бид "
    "ямар ч саатал гаргахгүй» гэж тэрээр онцоллоо. Аймгийн хурлын төлөөлөгчид сарын эцэс гэхэд "
    "зардлын тайлан гаргахыг яамнаас хүссэн."
)
KK_LATIN = (
    "Bılım ministrı Asqar Omarov särsenbı küni oqu jylynyñ basyna deiın oblysta on ekı jaña "
    "mektep aşylatynyn mälımdedı. Onyñ aituynşa, qūrylys keste boiynşa jürıp jatyr, al "
    "merdıgerler alğaşqy tölemderdı aldy. «Bız keşıguge jol bermeimız», – dep atap öttı ol. "
    "Oblystyq mäslihat deputattary ministrlıkten ai soñyna deiın şyğyndar turaly esep berudı "
    "sūrady."
)
RU_WITH_KAZAKH = (
    "Аким Карагандинской области Ермаған Булекпаев встретился в четверг с жителями посёлка "
    "Ақтау. Вместе с ним на встречу пришли депутат Айгүл Сәрсенбаева и директор школы Нұржан "
    "Қасымов. «Біз бұл жолды биыл бітіреміз», — сказал аким на казахском языке, а затем "
    "добавил по-русски, что ремонт дороги начнётся в мае и закончится до осени. Жители "
    "попросили также построить новую поликлинику."
)
EN_WITH_CYRILLIC_NAMES = (
    "The foreign minister met his Kazakh counterpart, Ержан Сейітов, in Astana on Tuesday to "
    "discuss transport links across the Caspian Sea. Both sides said the talks had been "
    "constructive. Officials from the state railway company, led by Марат Ахметов, presented a "
    "plan to double freight traffic by the end of the decade, and the ministers agreed to meet "
    "again in the autumn."
)
# Kazakh typed on a Russian keyboard: the identifier takes it for Kyrgyz.
KK_UNLETTERED = (
    "Аким жиында сойледи жане жана мектептер туралы айтты. Ол бул жумыс ушин керек деп "
    "айтты. Биз бирге жумыс истеймиз деди ол жане тагы да жол курылысы туралы айтып отти. "
    "Ауыл тургындары жана мектеп ушин рахмет айтты."
)
RU_TRANSLITERATED = (
    "Ministr obrazovaniya Aleksey Petrov zayavil v sredu, chto k nachalu uchebnogo goda v "
    "oblasti otkroyutsya dvenadtsat novykh shkol. Po ego slovam, stroitelstvo idet po "
    "grafiku, a podryadchiki uzhe poluchili pervye platezhi."
)
RU_WITH_UKRAINIAN_QUOTE = (
    "Министр инфраструктуры Олег Бондаренко в пятницу приехал на встречу с коллегами из "
    "Казахстана и Польши. Обращаясь к журналистам, он перешёл на украинский: «Ми вже "
    "домовилися про нові маршрути, і перші потяги підуть навесні». Затем министр добавил, "
    "что стороны подпишут соглашение до конца года."
)
# Half Kazakh, half Russian: either -l is a fair choice.
KK_AND_RU = KK + " " + RU
TABLE = "id,value,day\n" + "\n".join(f"{i},x{i * 7 % 13}q,2024-01-{i % 28 + 1}" for i in range(60))

UNSUPPORTED = [
    (DE, "German (de)", "de"),
    (FR, "French (fr)", "fr"),
    (ES, "Spanish (es)", "es"),
    (TR, "Turkish (tr)", "tr"),
    (KY, "Kyrgyz (ky)", "ky"),
    (UK, "Ukrainian (uk)", "uk"),
    (BE, "Belarusian (be)", "be"),
    (UZ_LATIN, "Uzbek (uz)", "uz-latin"),
    (UZ_CYRILLIC, "Uzbek (uz)", "uz-cyrillic"),
    (TG, "Tajik (tg)", "tg"),
    (MN, "Mongolian (mn)", "mn"),
]


@pytest.mark.parametrize(
    ("text", "named"), [case[:2] for case in UNSUPPORTED], ids=[case[2] for case in UNSUPPORTED]
)
def test_unsupported_language_is_named(text: str, named: str) -> None:
    assert unsupported_language(text) == (
        f"the text looks like {named}, not Russian, Kazakh or English; speakers may be missed"
    )


@pytest.mark.parametrize(
    ("text", "named"), [case[:2] for case in UNSUPPORTED], ids=[case[2] for case in UNSUPPORTED]
)
def test_twenty_words_are_enough(text: str, named: str) -> None:
    warning = unsupported_language(" ".join(text.split()[:20]))
    assert warning is not None and named in warning


def test_kazakh_in_latin_letters_is_not_called_turkish() -> None:
    assert unsupported_language(KK_LATIN) == (
        "the text looks like Kazakh in the Latin alphabet (kk-Latn); "
        "speechsum reads Kazakh in Cyrillic only; speakers may be missed"
    )


SUPPORTED = [
    (RU, "ru"),
    (KK, "kk"),
    (EN, "en"),
    (RU_WITH_KAZAKH, "ru-with-kazakh-names-and-a-kazakh-quote"),
    (EN_WITH_CYRILLIC_NAMES, "en-with-cyrillic-names"),
    (RU_WITH_UKRAINIAN_QUOTE, "ru-with-a-ukrainian-quote"),
    (KK_UNLETTERED, "kk-typed-without-kazakh-letters"),
    (KK_AND_RU, "half-kk-half-ru"),
    (RU.upper(), "ru-in-capitals"),
    (RU_TRANSLITERATED, "unsure-latin-says-nothing"),
    (TABLE, "numbers-and-markup"),
    ("Der Minister sagte, die Schulen öffnen im Herbst.", "short-german"),
    ("2024 — 15 % — 3,5 млрд", "no-words"),
    ("", "empty"),
]


@pytest.mark.parametrize("text", [c[0] for c in SUPPORTED], ids=[c[1] for c in SUPPORTED])
def test_no_false_warning(text: str) -> None:
    assert unsupported_language(text) is None


RU_WITH_A_KAZAKH_NAME = RU + " Школы осмотрел Президент Қасым-Жомарт Тоқаев."


@pytest.mark.parametrize(
    "text", [RU, KK, EN, RU_WITH_A_KAZAKH_NAME], ids=["ru", "kk", "en", "ru-with-a-kazakh-name"]
)
def test_clear_reports_never_load_the_identifier(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse() -> None:
        raise AssertionError("the identifier was loaded")

    monkeypatch.setattr(language_guard, "load_identifier", refuse)
    assert unsupported_language(text) is None


class FakeIdentifier:
    """Ranks every text as it is told to."""

    def __init__(self, ranking: list[tuple[str, float]]) -> None:
        self.ranking = ranking

    def rank(self, text: str) -> list[tuple[str, float]]:
        return self.ranking


@pytest.mark.parametrize(
    ("ranking", "warns"),
    [
        ([("uk", 0.97), ("ru", 0.03)], True),
        ([("uk", 0.80), ("ru", 0.20)], False),
        ([("uk", 0.60), ("be", 0.40)], False),
        ([("zxx", 0.99), ("uk", 0.01)], False),
    ],
    ids=["sure", "room-left-for-russian", "unsure", "not-a-language"],
)
def test_only_a_sure_guess_warns(
    ranking: list[tuple[str, float]], warns: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(language_guard, "load_identifier", lambda: FakeIdentifier(ranking))
    assert (unsupported_language(UK) is not None) is warns


FORCED = [
    (RU, Language.EN, "-l en was given but the text looks Russian (ru)", "ru-as-en"),
    (KK, Language.EN, "-l en was given but the text looks Kazakh (kk)", "kk-as-en"),
    (KK_UNLETTERED, Language.EN, "-l en was given but the text looks Kazakh (kk)", "kk-bare-as-en"),
    (EN, Language.RU, "-l ru was given but the text looks English (en)", "en-as-ru"),
    (EN, Language.KK, "-l kk was given but the text looks English (en)", "en-as-kk"),
    (KK, Language.RU, "-l ru was given but the text looks Kazakh (kk)", "kk-as-ru"),
    (RU, Language.KK, "-l kk was given but the text looks Russian (ru)", "ru-as-kk"),
    (DE, Language.RU, "-l ru was given but the text looks German (de)", "de-as-ru"),
    (UK, Language.EN, "-l en was given but the text looks Ukrainian (uk)", "uk-as-en"),
    (UK, Language.RU, "-l ru was given but the text looks Ukrainian (uk)", "uk-as-ru"),
    (DE, Language.EN, "-l en was given but the text looks German (de)", "de-as-en"),
    (KY, Language.KK, "-l kk was given but the text looks Kyrgyz (ky)", "ky-as-kk"),
    (KK_LATIN, Language.KK,
     "-l kk was given but the text looks Kazakh in the Latin alphabet (kk-Latn)", "kk-latin-as-kk"),
    (RU_TRANSLITERATED, Language.RU, "-l ru was given but the text is written in Latin letters",
     "latin-unsure-as-ru"),
    (RU, Language.RU, None, "ru-as-ru"),
    (KK, Language.KK, None, "kk-as-kk"),
    (EN, Language.EN, None, "en-as-en"),
    (EN_WITH_CYRILLIC_NAMES, Language.EN, None, "en-with-cyrillic-names-as-en"),
    (RU_WITH_KAZAKH, Language.RU, None, "ru-with-kazakh-as-ru"),
    (KK_AND_RU, Language.RU, None, "half-kk-as-ru"),
    (KK_AND_RU, Language.KK, None, "half-ru-as-kk"),
    ("Министр заявил, что школы откроются осенью.", Language.EN, None, "short"),
]


@pytest.mark.parametrize(
    ("text", "forced", "expected"), [case[:3] for case in FORCED], ids=[case[3] for case in FORCED]
)
def test_forced_language_mismatch(text: str, forced: Language, expected: str | None) -> None:
    assert forced_language_mismatch(text, forced) == expected


def test_a_long_text_is_sampled_across_its_length() -> None:
    sample = sample_guard_text("Ж" * 3_000_000 + "Z" * 3_000_000)
    assert len(sample) < 20_100
    assert "Ж" in sample and "Z" in sample


def test_a_five_megabyte_text_is_judged() -> None:
    text = (DE + "\n") * 12_000
    assert len(text) > 5_000_000
    assert unsupported_language(text) is not None
    assert forced_language_mismatch(text, Language.RU) is not None


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("абвгқәң abcäñ ı.,\n«»ΩЖ漢"), max_size=400))
def test_warnings_are_one_line_and_never_raise(text: str) -> None:
    for warning in (unsupported_language(text), forced_language_mismatch(text, Language.EN)):
        assert warning is None or (warning and "\n" not in warning)
