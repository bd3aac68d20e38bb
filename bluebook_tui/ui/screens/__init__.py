"""The reader's screens: the reader itself and the modal ones it opens."""
