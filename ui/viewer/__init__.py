"""Reading documents inside Utväg, from memory: the viewer (PDF pages, images, text) and
printing a document."""
