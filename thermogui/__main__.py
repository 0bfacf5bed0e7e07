from thermogui.cli import main

main()
