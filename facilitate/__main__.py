"""Allow ``python -m facilitate``."""

from facilitate.cli.main import main

if __name__ == "__main__":
    main()
