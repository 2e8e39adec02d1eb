from sciedu.cli import main

main()
