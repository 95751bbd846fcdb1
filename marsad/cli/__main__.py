import sys

from marsad.cli.commands import main

sys.exit(main())
