"""`python -m desktop` is the same as the `catena` command."""

from desktop.launch.entry import main

raise SystemExit(main())
