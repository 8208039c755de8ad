from speechsum.cli import main

main()
