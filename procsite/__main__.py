"""``python -m procsite``."""

import sys

from procsite.cli import main

sys.exit(main())
