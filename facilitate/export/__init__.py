"""Pure renderers: what is planned or recorded, as documents to send or import elsewhere."""
