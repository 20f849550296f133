"""Encryption at rest: the whole journal file encrypted with SQLCipher.

`keys.py` the key itself (random, 256 bits; its recovery and key-file forms; a
passphrase's scrypt wrapping), `sidecar.py` what is kept beside the journal to
unlock it, `finding.py` where a key comes from (keyring, key file, terminal),
`cipher.py` the keyed connection, `convert.py` encrypt and decrypt in place.
Nothing here is imported unless a journal is encrypted (or being encrypted).
"""
