import sys

from putin_claims.cli.app import main

sys.exit(main())
