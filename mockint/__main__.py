"""`python -m mockint` runs the command line."""

from mockint.cli import main

if __name__ == "__main__":  # guarded so importing this module (as the import tests do) runs nothing
    raise SystemExit(main())
