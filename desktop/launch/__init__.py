"""Starting Catena: the entry point that joins the command line to the window, and the
installation self-test (`catena --smoke`)."""
