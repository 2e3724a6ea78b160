qp-cat "$T/in/binary.bin"
