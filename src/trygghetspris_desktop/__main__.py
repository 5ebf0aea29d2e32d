"""`python -m trygghetspris_desktop` runs the same entry point as `trygghetspris`."""

from trygghetspris_desktop.launch import main

raise SystemExit(main())
