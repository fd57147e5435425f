import sys

from putin_claims.cli import main

sys.exit(main())
