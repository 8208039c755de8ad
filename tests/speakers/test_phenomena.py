"""The recurring reasons unseen reports fail (../shared/eval/PHENOMENA.md), each in cases of
our own: invented people and sentences, other words than any corpus document.

Notation: "Name <- fragment" (see notation.py).
"""

from __future__ import annotations

import pytest
from notation import check

from speechsum.model import Language

RU, KK, EN = Language.RU, Language.KK, Language.EN

CASES: list[tuple[str, Language, str, list[str]]] = [
    # LEX: speech acts outside a short verb list, idioms of a verb and its noun
    ("lex-ru-remark-idiom", RU,
     "На сессии обсуждали тарифы.\nДепутат Алия Рахимова сделала замечание директору "
     "водоканала за частые аварии.",
     ["Алия Рахимова <- сделала замечание", "- <- обсуждали тарифы"]),
    ("lex-ru-criticism-idiom", RU,
     "Министр Сергей Волков подверг критике работу застройщиков.",
     ["Сергей Волков <- подверг критике"]),
    ("lex-ru-utter", RU,
     "«Успеем к сроку», — произнесла Дина Орлова, глядя на чертежи.",
     ["Дина Орлова <- Успеем к сроку"]),
    ("lex-ru-began-to-protest", RU,
     "Депутат Ирина Чернова начала возмущаться тем, что отчет опоздал.",
     ["Ирина Чернова <- начала возмущаться"]),
    ("lex-ru-asked-with-a-question", RU,
     "Депутат Руслан Ибраев обратился к министру с вопросом о ценах на бензин.",
     ["Руслан Ибраев <- обратился к министру"]),
    ("lex-en-sounded-a-note", EN,
     "Race news.\nBut first, Tom Reed sounded a hopeful note about the port.",
     ["Tom Reed <- sounded a hopeful note"]),
    ("lex-en-took-shots-at", EN,
     "Race news.\nIn a town hall, Ann Kim took some shots at Reed over his port plan.",
     ["Ann Kim <- took some shots"]),
    ("lex-en-critical-of", EN,
     "Race news.\nSen. Ann Kim has been critical of Reed since the primary.",
     ["Ann Kim <- has been critical of Reed"]),
    ("lex-en-made-it-clear", EN,
     "Race news.\nSenator Ann Kim made it clear that the bill would fail.",
     ["Ann Kim <- the bill would fail"]),
    ("lex-en-critical-without-of-is-none", EN,
     "Race news.\nTom Reed runs a critical care unit.",
     ["- <- runs a critical care unit"]),
    ("lex-kk-confirmed", KK,
     "Кеше ауылда жиын өтті.\nАудан әкімі Ерлан Сапаров бұл жаңалықты растады.",
     ["Ерлан Сапаров <- бұл жаңалықты растады"]),
    ("lex-kk-past-with-auxiliary", KK,
     "Мұғалім Айгерім Сейітова оқушыларды жаңа жылмен құттықтаған болатын.",
     ["Айгерім Сейітова <- оқушыларды жаңа жылмен"]),
    ("lex-en-downplayed", EN,
     "The board met on Monday.\nTreasurer Linda Moss downplayed the deficit.\n"
     "Moss also criticised the auditors for their tone.",
     ["Linda Moss <- downplayed the deficit", "Linda Moss <- also criticised"]),
    ("lex-en-walked-back", EN,
     "Mayor Tom Reyes walked back his earlier remarks about the stadium.",
     ["Tom Reyes <- walked back"]),
    ("lex-en-managed-to-ask", EN,
     "Ann Lowell managed to ask whether the library would reopen.\n"
     "Ben Carver tried to explain why the bus route had changed.",
     ["Ann Lowell <- managed to ask", "Ben Carver <- tried to explain"]),
    # SEP: an English subject apart from its verb
    ("sep-en-appositive-before-the-verb", EN,
     "\"It will pass,\" Joan Pike, the head of the budget panel, told reporters.",
     ["Joan Pike <- It will pass"]),
    ("sep-en-day-between", EN,
     "Sen. Carl Voss (R-Utah) on Tuesday said the bill was dead.",
     ["Carl Voss <- said the bill was dead"]),
    ("sep-en-has-long-said", EN,
     "The tax has critics.\nCarl Voss has long said that the tax is unfair.",
     ["Carl Voss <- has long said"]),
    # FALSE: a name that is not the speaker
    ("false-ru-dative-object", RU,
     "Президент Ержан Садыков открыл форум.\nГлава государства поручил министру Марату "
     "Оспанову подготовить закон о пастбищах.",
     ["Ержан Садыков <- Глава государства поручил"]),
    ("false-ru-named-after", RU,
     "Концерт прошел в школе имени Абая.\n«Все билеты проданы», — сообщила директор школы "
     "Жанна Ким. Она отметила, что концерт повторят.",
     ["Жанна Ким <- Все билеты проданы", "Жанна Ким <- Она отметила"]),
    ("false-en-spokeswoman-for", EN,
     "Nina Park, a spokeswoman for the Lakeside Renters Union, said rents had doubled.",
     ["Nina Park <- said rents had doubled"]),
    ("false-ru-whose-secretary", RU,
     "Брифинг прошел в Кремле.\n«Решение примут осенью», — пояснил пресс-секретарь Лапина.",
     ["- <- Решение примут осенью"]),
    ("false-ru-began-to-speak-then-another", RU,
     "Суд дал слово Анне Ким. Та начала говорить, но тут вмешался прокурор.",
     ["- <- начала говорить"]),
    # ANON: an unnamed source is narration
    ("anon-ru-someone-joked", RU,
     "Мэр Андрей Лосев заявил, что бюджет сбалансирован. Кто-то из депутатов пошутил, что "
     "денег хватит и на фонтан.",
     ["Андрей Лосев <- бюджет сбалансирован", "- <- Кто-то из депутатов"]),
    ("anon-en-aide-said", EN,
     "An aide to the mayor, who asked not to be named, said Mayor Tom Reyes was resting.",
     ["- <- An aide to the mayor"]),
    # PASSIVE and FRAME
    ("passive-en-questioned-by", EN,
     "The treasurer was questioned for an hour by Councilwoman Rosa Diaz about the funds.",
     ["Rosa Diaz <- was questioned for an hour"]),
    ("frame-en-as-argued", EN,
     "The levy is unpopular.\nAs Governor Lena Holt has argued, the county already collects "
     "enough.",
     ["Lena Holt <- the county already collects"]),
    # CAPWORD: a capitalised word that is no name
    ("capword-en-even-so", EN,
     "Tom Reyes spoke at the rally.\nEven so, he said, the plan would need more money.\n"
     "Protesters said they would come back on Friday.",
     ["Tom Reyes <- the plan would need", "- <- Protesters said"]),
    # COORD: the speech verb in a later conjunct
    ("coord-ru-listened-and-promised", RU,
     "Министр Аскар Нуров выслушал фермеров и пообещал пересмотреть квоты.",
     ["Аскар Нуров <- пообещал пересмотреть"]),
    ("coord-en-reminded-and-said", EN,
     "Mia Grant reminded voters of her \"pledge\" and said the road would be done in a year.",
     ["Mia Grant <- said the road would be done"]),
    # ORG: organisations and impersonal sources
    ("org-ru-assured-in-the-ministry", RU,
     "Жители жаловались на отключения.\nВ министерстве энергетики заверили, что отключений "
     "больше не будет.",
     ["министерство энергетики <- отключений больше"]),
    ("org-ru-told-the-paper", RU,
     "Жители жаловались на свалку.\nВ администрации района «Вестнику» сказали, что свалку "
     "уберут.",
     ["администрация района <- свалку уберут"]),
    # LABEL: transcript labels of other shapes
    ("label-ru-title-case-with-initials-and-faction", RU,
     "Стенограмма заседания\nПредседательствующий. Слово депутату Ранову.\nРанов К. С., "
     "фракция «Ак жол». Уважаемые коллеги! Мы поддержим закон о лесах.\nПредседательствующий. "
     "Спасибо.",
     ["Ранов К. С. <- Мы поддержим закон", "Председательствующий <- Слово депутату"]),
    ("label-ru-first-names-on-air", RU,
     "Расшифровка эфира\nЛада: Сегодня говорим о рассаде.\nЛада: Пётр, с чего начать?\n"
     "Пётр Гуляев: С хороших семян и терпения.",
     ["Лада <- Сегодня говорим", "Пётр Гуляев <- С хороших семян"]),
    ("label-kk-soundbite-names-its-speaker", KK,
     "ДИКТОР: Қалада жаңа саябақ ашылды.\nСНХ: САМАТ ЕРЖАНОВ, ҚАЛА ӘКІМІ: Саябақ барлық "
     "тұрғындарға арналған.\nДИКТОР: Ашылу салтанатына көп адам келді.",
     ["Самат Ержанов <- Саябақ барлық", "Диктор <- Ашылу салтанатына"]),
    ("label-ru-several-in-one-paragraph", RU,
     "М.ОРЛОВ: Доброго дня, друзья. В студии Михаил Орлов и Анна Ким. А.КИМ: Здравствуйте. "
     "М.ОРЛОВ: Сегодня говорим о метро.",
     ["Михаил Орлов <- Сегодня говорим о метро", "Анна Ким <- Здравствуйте"]),
    ("label-ru-play-layout", RU,
     "Акт первый\nСад у реки.\nПахом. Вид какой, а! Красота!\nСтепан. А что?\n"
     "Пахом (показывая рукой). Вон там, за рекой.\nСтепан. Вижу.",
     ["Пахом <- Вид какой", "Степан <- Вижу", "Пахом <- Вон там", "- <- показывая рукой"]),
    # OVERRUN: a quote or a turn that must stop at the narration after it
    ("overrun-ru-label-line-then-dash-quote", RU,
     "На праздник приехали гости.\nТимур Сабитов, музыкант:\n- Мы рады быть здесь. Спасибо "
     "зрителям!\nВечером зрители смотрели фейерверк и танцевали на площади.",
     ["Тимур Сабитов <- Мы рады быть здесь", "- <- Вечером зрители"]),
    ("overrun-ru-dash-quote-then-someone-elses-report", RU,
     "- Мост откроем в мае, - пообещал Петр Гуляев. - Деньги есть. Глава района Марина "
     "Ковалева отметила, что дорогу тоже отремонтируют.",
     ["Петр Гуляев <- Деньги есть", "Марина Ковалева <- Глава района Марина"]),
    # FORMAT: a headline label and a dateline are no transcript
    ("format-en-headline-and-dateline", EN,
     "Holloway: 'The Dam Will Hold.'\nDAYTON, Ohio — Sen. Rita Holloway promised on Friday "
     "to repair the dam.\nCritics doubted her. \"It is wishful thinking,\" said Paul Grady, a "
     "local engineer.",
     ["Rita Holloway <- promised on Friday", "Paul Grady <- It is wishful thinking",
      "- <- Critics doubted her"]),
    # ROLE: a speaker named by a role or a description after the name
    ("role-ru-head-of-region", RU,
     "Губернатор Олег Сафронов и ректор Ирина Белова открыли форум.\nГлава региона отметил, "
     "что форум станет ежегодным.",
     ["Олег Сафронов <- Глава региона отметил"]),
    ("role-ru-rector-in-a-cue", RU,
     "Ректор Ирина Белова выступила с докладом.\n— Мы примем тысячу студентов, — сказала "
     "ректор.",
     ["Ирина Белова <- Мы примем тысячу"]),
    ("role-kk-head-of-region", KK,
     "Кеше облыс әкімі Серік Жұмабаев жиын өткізді.\n«Жол жөнделеді», – деді өңір басшысы.",
     ["Серік Жұмабаев <- Жол жөнделеді"]),
    ("role-en-description", EN,
     "Governor Lisa Tran spoke in Denver on Friday.\nThe first-term Republican insisted that "
     "the budget was balanced.",
     ["Lisa Tran <- insisted that the budget"]),
    ("role-kk-the-district-head-not-the-village-head", KK,
     "Аудан әкімі Ерлан Сапаров ауылға келді. Кездесуге аудан әкімінің орынбасары Асхат "
     "Нұров қатысты.\nАуыл әкімі Бекзат Дүйсенов жұмыстарды баяндады.\nАл, аудан басшысы өз "
     "кезегінде көтерілген мәселелердің шешімін табатындығын жеткізді.",
     ["Ерлан Сапаров <- аудан басшысы өз", "Бекзат Дүйсенов <- жұмыстарды баяндады"]),
    ("role-ru-member-of-the-chamber-is-its-senator", RU,
     "Сенатор от Алтая Иван Петров дал интервью. «Решение верное», — сказал член Совфеда.",
     ["Иван Петров <- Решение верное"]),
    ("role-ru-member-of-the-duma-is-its-deputy", RU,
     "Депутат Анна Смирнова выступила в прениях. «Закон нужен», — заявила член Госдумы.",
     ["Анна Смирнова <- Закон нужен"]),
    ("role-ru-member-of-a-commission-names-no-organisation", RU,
     "Иван Петров выступил. «Решение верное», — сказал член комиссии.",
     ["- <- Решение верное"]),
    ("names-ru-the-subject-and-the-object-of-a-cue", RU,
     "Депутат Олег Жаров задал вопрос.\n\"С какой целью вы пришли?\" - отчитал Жаров "
     "Петрову.",
     ["Олег Жаров <- С какой целью"]),
    ("role-ru-a-part-of-a-compound-office", RU,
     "Об этом сообщил вице-премьер-министр Иван Петров.\n«Нужно привлекать инвестиции», — "
     "подчеркнул вице-премьер.",
     ["Иван Петров <- Нужно привлекать"]),
    ("role-ru-nardep-is-a-deputy", RU,
     "Депутат Анна Смирнова выступила.\n«Пусть министр придет сюда», — заявила нардеп.",
     ["Анна Смирнова <- Пусть министр придет"]),
    ("dash-ru-a-capitals-surname-ends-its-cue", RU,
     "Новости.\nДепутаты комментировали процессы.\n– Не слышал я такого! – сказал Иван "
     "ПЕТРОВ. – Мажилис будет работать открыто.",
     ["Иван Петров <- Мажилис будет работать"]),
    ("role-ru-a-role-in-another-paragraph-is-no-one", RU,
     "Потерпевший Иван Сомов написал жалобу.\nПрокурор заявил, что жалобу рассмотрят.",
     ["- <- жалобу рассмотрят"]),
    # PRON: the previous subject, not the nearest name; a Kazakh subject left out
    ("pron-en-subject-not-the-honoree", EN,
     "Councilman Sam Ortiz spoke at a dinner honoring Governor Paul Kerr.\n\"It is a good day "
     "for the city,\" he said.",
     ["Sam Ortiz <- It is a good day"]),
    ("pron-kk-zero-subject", KK,
     "Кітапхана меңгерушісі Айгүл Серікова оқырмандармен кездесті. «Кітап қоры толықты», – "
     "деп атап өтті.",
     ["Айгүл Серікова <- Кітап қоры толықты"]),
    ("pron-ru-the-latter", RU,
     "Судья Олег Миронов дал слово адвокату Анне Ким. Однако та сказала, что не готова.",
     ["Анна Ким <- что не готова"]),
    # QUOTE: quotation marks of other shapes
    ("quote-ru-mismatched-marks", RU,
     "Вчера прошла пресс-конференция.\n«Цены не вырастут\", — заверил директор Марат Исин.",
     ["Марат Исин <- Цены не вырастут"]),
    ("quote-ru-nested-marks-of-one-kind", RU,
     "\"Я думал долго. Отец сказал: \"Иди\", и я пошел\", — рассказал Ильдар Галиев.",
     ["Ильдар Галиев <- Я думал долго", "Ильдар Галиев <- и я пошел"]),
    ("quote-kk-unquoted-words-closed-by-a-cue", KK,
     "Кеше жиын өтті.\nМектеп жөнделеді. Қаржы бөлінді, – деді Самат Ержанов.",
     ["Самат Ержанов <- Мектеп жөнделеді", "- <- Кеше жиын"]),
    ("quote-en-two-apostrophes", EN,
     "''The pool will open in June,'' Mayor Ben Ruiz said. ''We owe the kids that much.''",
     ["Ben Ruiz <- We owe the kids"]),
    ("quote-en-after-a-sentence-about-the-speaker", EN,
     "Mayor Ben Ruiz held a briefing.\n\"The pool will open in June,\" Ruiz said after "
     "meeting Governor Ann Cole. He gave no cost. \"We owe the kids that much.\"",
     ["Ben Ruiz <- We owe the kids"]),
    ("quote-en-adding-a-clause", EN,
     "\"We will win,\" Senator Dana Park said, adding she would campaign in every county.",
     ["Dana Park <- adding she would campaign"]),
    ("quote-en-sentence-goes-on-to-its-cue", EN,
     "The council met on Monday.\n\"It may pass, but it looks unlikely\" that the levy will "
     "hold, said Ray Cole, a lawyer for the county. \"We will see,\" he said.",
     ["Ray Cole <- It may pass", "Ray Cole <- that the levy will hold"]),
    # NAME: a surname the dictionary reads as something else
    ("name-ru-surname-alone-after-the-full-name", RU,
     "Вчера прошла сессия.\nДепутат Игорь Лапин выступил с отчетом.\nЛапин отметил, что "
     "бюджет не сбалансирован.",
     ["Игорь Лапин <- Лапин отметил"]),
    ("name-ru-unknown-surname-alone", RU,
     "Депутат Гиви Квирия выступил с отчетом. Квирия отметил, что дороги не готовы.",
     ["Гиви Квирия <- Квирия отметил"]),
    ("name-ru-surname-from-a-first-name", RU,
     "Сабитов: Мы построим мост.\nАхметов: Когда?",
     ["Сабитов <- Мы построим мост", "Ахметов <- Когда"]),
    # INTERVIEW: questions and answers with no labels and no cues
    ("interview-ru-correspondent-named-in-the-introduction", RU,
     "Глава библиотеки Асель Муканова ответила на вопросы нашего корреспондента Дмитрия "
     "Белова.\n- Когда откроется читальный зал?\n- После ремонта, в марте.",
     ["Дмитрий Белов <- Когда откроется", "Асель Муканова <- После ремонта"]),
    ("interview-ru-the-outlet-asks", RU,
     "Фермер Нурлан Касымов в интервью Agro.kz рассказал об урожае.\n- Урожай хороший?\n"
     "- Лучше прошлогоднего.\n- А цены?\n- Цены упали.",
     ["Agro.kz <- Урожай хороший", "Нурлан Касымов <- Лучше прошлогоднего",
      "Agro.kz <- А цены", "Нурлан Касымов <- Цены упали"]),
    ("interview-kk-guest-of-the-outlet", KK,
     "Бүгінгі «Дала»-ның қонағы – ақын Серік Ахметұлы.\n– Жаңа кітабыңыз қашан шығады?\n"
     "– Күзде шығады.",
     ["Дала <- Жаңа кітабыңыз", "Серік Ахметұлы <- Күзде шығады"]),
    ("interview-ru-reader-asks-an-official-answers", RU,
     "Вопросы читателей.\nЧитатель Олег Смирнов интересуется: когда отремонтируют мост?\n"
     "Отвечает глава отдела дорог Гульнара Абенова: мост отремонтируют к осени.",
     ["Олег Смирнов <- когда отремонтируют мост", "Гульнара Абенова <- мост отремонтируют"]),
    # HEAD: a headline gives the words of the person the report is about
    ("head-en-title-case-headline", EN,
     "Harlan Criticizes Bridge Tolls As Unfair.\nGov. Ruth Harlan spoke in Toledo on "
     "Tuesday.",
     ["Ruth Harlan <- Harlan Criticizes Bridge Tolls"]),
    ("head-en-role-headline-and-its-second-line", EN,
     "Governor blasts bridge tolls;\nPromises a vote in spring.\nGov. Ruth Harlan spoke in "
     "Toledo on Tuesday.",
     ["Ruth Harlan <- Governor blasts bridge tolls", "Ruth Harlan <- Promises a vote"]),
    # CLAUSE: a subordinate clause does not decide the speaker
    ("clause-en-though-she-said", EN,
     "The hearing ran late.\nMayor Tom Briggs blamed Councilwoman Ann Soto for the delay, "
     "though she said the report had come in late.",
     ["Tom Briggs <- Mayor Tom Briggs blamed"]),
    ("clause-ru-relative-with-his-opinion", RU,
     "Депутат Ольга Серова предложила закрыть парк. Идея удивила председателя совета Ивана "
     "Круглова.\nКруглов прокомментировал идею Серовой, которая, по его мнению, навредит "
     "городу, и попросил комиссию её изучить.",
     ["Иван Круглов <- Круглов прокомментировал"]),
    ("pron-en-asked-object-then-he-said", EN,
     "The board asked Tom Briggs whether the plan would help Ray Cole.\n\"We did what we "
     "could,\" he said.",
     ["Tom Briggs <- We did what we could"]),
    ("org-en-department-said", EN,
     "Residents complained about the noise.\nThe Harbor Parks Department said in a statement "
     "that the work would stop at night.",
     ["Harbor Parks Department <- said in a statement"]),
    ("org-en-the-outlet-is-no-she", EN,
     "Court news.\nJustice Ann Reed spoke last week. In a later interview with The Daily "
     "Herald, she joked about retiring.",
     ["Ann Reed <- she joked about retiring"]),
    ("org-en-the-agency-after-according-to-speaks", EN,
     "Fair news.\nThe gates closed at noon, according to the Park Service.",
     ["Park Service <- The gates closed"]),
    ("org-en-a-name-and-campaign", EN,
     "Race news.\nThe Reed campaign pushed back against the attack, calling it desperate.",
     ["Reed campaign <- pushed back against"]),
    ("org-en-a-department-with-an-auxiliary", EN,
     "Mail news.\nThe Postal Department has said 200 of the letters were lost.",
     ["Postal Department <- 200 of the letters"]),
    ("org-en-the-white-house", EN,
     "Visit news.\nThe White House said the visit was off.",
     ["White House <- the visit was off"]),
    ("subject-en-a-weekday-and-comma-before-the-name", EN,
     "Fair news.\nIn remarks on Tuesday, Kim repeated her contention that the fair was safe.",
     ["Kim <- repeated her contention"]),
    ("subject-en-the-subject-not-the-outlet-before-it", EN,
     "Ban news.\nAccording to Metro News, Tom Reed said the remarks were unfair.",
     ["Tom Reed <- the remarks were unfair"]),
    ("subject-en-said-and-a-long-title", EN,
     "Union news.\n\"We saw the problem early,\" said Harbor Dock Workers Political Director "
     "Ann Kim.",
     ["Ann Kim <- We saw the problem early"]),
    ("subject-en-said-and-a-joined-title", EN,
     "Union news.\n\"We saw the problem early,\" said Harbor Dock Workers "
     "Secretary-Treasurer Ann Kim.",
     ["Ann Kim <- We saw the problem early"]),
    ("subject-en-an-adjective-participle-before-the-name", EN,
     "Rally news.\n“Tonight, we win,” a smiling Ann Kim said before the band played.",
     ["Ann Kim <- Tonight, we win"]),
    ("subject-en-a-noun-before-the-name-is-no-article-adjective", EN,
     "Court news.\nThe office replied with the lawsuit Lynch announced that same day.",
     ["- <- the lawsuit Lynch announced"]),
    ("quote-en-one-word-after-an-introduction", EN,
     "Show news.\nCo-anchor Ann Kim, who was off-screen, then loudly asked, “Really?”\n"
     "The debate went on.",
     ["Ann Kim <- Really?"]),
    ("names-en-a-heading-in-capitals-is-no-one", EN,
     "Trade news.\nAnn Kim said the talks went well.\nFULL TEXT.\nThe minister said the "
     "talks went on.",
     ["Ann Kim <- The minister said"]),
    ("role-en-a-possessive-description-is-not-its-speaker", EN,
     "Race news.\nTom Reed spoke in Ohio. The Green nominee’s son later posted that the "
     "race was over.",
     ["- <- later posted that the race"]),
    ("org-en-joint-subjects-of-a-participle", EN,
     "Court news.\nThe Daily Herald and the Gannett chain filed a motion, arguing the file "
     "should be public.",
     ["- <- arguing the file"]),
    ("subject-en-the-agent-of-asked-past-his-title", EN,
     "Debate night.\nRubio was asked by Metro Evening News moderator Ann Kim whether the plan "
     "would cost too much.",
     ["Ann Kim <- whether the plan"]),
    ("subject-en-the-subject-not-the-outlet-after-according-to", EN,
     "Race news.\nEarlier Tuesday, his campaign manager, Tom Reed, says the gap can close, "
     "according to the Associated Press.",
     ["Tom Reed <- the gap can close"]),
]


@pytest.mark.parametrize(("language", "text", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_phenomenon(language: Language, text: str, expected: list[str]) -> None:
    check(text, expected, language)
