"""Reading source files into raw tables: layout, table region, parsing, the raw writer, the load."""
