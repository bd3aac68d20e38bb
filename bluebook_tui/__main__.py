from bluebook_tui.cli import main

raise SystemExit(main())
