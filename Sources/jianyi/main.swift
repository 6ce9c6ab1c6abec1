import JianyiCLI
Jianyi.main()
