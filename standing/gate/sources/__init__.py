"""Where a gate's data comes from: the store through SQLAlchemy (``database``), woken by
PostgreSQL LISTEN through psycopg (``listener``), and snapshot files (``snapshot``). Nothing on
the check path imports these; ``standing.gate.build`` wires them in."""
