"""Encryption of panel packages: a key from the judge's passphrase, files encrypted in chunks.

* :func:`derive_keys` — scrypt (``n=2**15, r=8, p=1``) over the NFC-normalised
  passphrase and a random 16-byte salt gives a 32-byte master secret; HKDF-SHA256
  splits it into the content key and the naming key.
* Each file is one *object*: ``MAGIC`` (8 bytes), a random 16-byte salt, then
  chunks of at most :data:`CHUNK` plaintext bytes, each sealed with AES-256-GCM
  under a per-object key (HKDF of the content key with the object's salt).
  The 12-byte nonce is the chunk counter (11 bytes, big-endian) and a final
  flag (1 byte: 1 on the last chunk), so chunks cannot be reordered, dropped
  or the file cut short without the check failing; the object's name is the
  associated data, so two objects cannot be swapped.  Objects stream: neither
  side holds more than one chunk in memory.
* Object names (:func:`object_name`) are HMAC-SHA256 of the content's SHA-256
  under the naming key: a stick reveals nothing about which files it holds,
  and a re-export with the same salt reuses the names of unchanged files.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"OAOIPK1\n"
SALT_BYTES = 16
CHUNK = 1 << 20
TAG = 16
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1


class DecryptionFailed(Exception):
    """Wrong passphrase, or the object was changed or cut short."""


@dataclass(frozen=True)
class Keys:
    content: bytes
    naming: bytes


def _hkdf(secret: bytes, info: bytes, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def derive_keys(passphrase: str, salt: bytes, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> Keys:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    master = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)
    return Keys(content=_hkdf(master, b"oaoi-package content"), naming=_hkdf(master, b"oaoi-package names"))


def object_name(keys: Keys, label: str) -> str:
    """The file name of the object holding ``label`` (a content SHA-256, or ``manifest``)."""
    return hmac.new(keys.naming, label.encode("ascii"), hashlib.sha256).hexdigest()


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def encrypt_stream(keys: Keys, name: str, source: IO[bytes], target: IO[bytes],
                   on_bytes: Callable[[int], None] | None = None) -> int:
    """Encrypt ``source`` into ``target`` as the object ``name``; returns the plaintext size."""
    salt = os.urandom(SALT_BYTES)
    aead = AESGCM(_hkdf(keys.content, b"oaoi-package object", salt))
    aad = name.encode("ascii")
    target.write(MAGIC + salt)
    counter = 0
    total = 0
    chunk = source.read(CHUNK)
    while True:
        following = source.read(CHUNK) if len(chunk) == CHUNK else b""
        last = not following
        target.write(aead.encrypt(_nonce(counter, last), chunk, aad))
        total += len(chunk)
        if on_bytes is not None:
            on_bytes(len(chunk))
        if last:
            return total
        counter += 1
        chunk = following


def encrypt_bytes(keys: Keys, name: str, data: bytes) -> bytes:
    import io

    out = io.BytesIO()
    encrypt_stream(keys, name, io.BytesIO(data), out)
    return out.getvalue()


class DecryptingReader:
    """A read-only binary stream of an object's plaintext (checks every chunk)."""

    def __init__(self, keys: Keys, name: str, source: IO[bytes]) -> None:
        head = source.read(len(MAGIC) + SALT_BYTES)
        if len(head) != len(MAGIC) + SALT_BYTES or not head.startswith(MAGIC):
            raise DecryptionFailed(name)
        self._aead = AESGCM(_hkdf(keys.content, b"oaoi-package object", head[len(MAGIC):]))
        self._aad = name.encode("ascii")
        self._source = source
        self._counter = 0
        self._buffer = b""
        self._done = False
        self._next = source.read(CHUNK + TAG)

    def _advance(self) -> None:
        sealed = self._next
        if not sealed:
            raise DecryptionFailed("truncated")
        self._next = self._source.read(CHUNK + TAG)
        last = not self._next
        try:
            self._buffer += self._aead.decrypt(_nonce(self._counter, last), sealed, self._aad)
        except InvalidTag:
            raise DecryptionFailed("tag") from None
        self._counter += 1
        self._done = last

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            while not self._done:
                self._advance()
            out, self._buffer = self._buffer, b""
            return out
        while len(self._buffer) < size and not self._done:
            self._advance()
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._source.close()

    def __enter__(self) -> "DecryptingReader":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_object(keys: Keys, name: str, path: Path) -> DecryptingReader:
    return DecryptingReader(keys, name, open(path, "rb"))


def decrypt_file(keys: Keys, name: str, path: Path) -> bytes:
    with open_object(keys, name, path) as reader:
        return reader.read()


__all__ = ["CHUNK", "DecryptionFailed", "Keys", "MAGIC", "derive_keys", "object_name", "encrypt_stream",
           "encrypt_bytes", "DecryptingReader", "open_object", "decrypt_file"]
