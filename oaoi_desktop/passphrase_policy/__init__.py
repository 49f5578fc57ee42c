"""How strong a new PIN or passphrase must be (no Qt, no database).

A **passphrase** (the event CA's, a signing credential's PKCS#12, a USB panel
package's, a sign-in passphrase) is accepted when it has at least
:data:`MIN_PASSPHRASE_LENGTH` characters or at least :data:`MIN_WORDS` words, and
is not predictable: not in the bundled list of common Indonesian/English passwords
(``common-passwords.txt``, compared case-insensitively, without spaces/dashes/dots/
underscores and without trailing digits or punctuation, so ``Merdeka-1945!`` is
``merdeka``), and not made of fewer than four different characters.

A **PIN** (a sign-in secret made only of digits) has at least :data:`MIN_PIN_DIGITS`
digits and no trivial pattern: all the same digit, an ascending or descending run
(``123456``, ``654321``, ``890123``), a short block repeated (``121212``, ``123123``),
a date (``17081945``, ``170845``, ``19450817``: a birthday is the first guess), or a
well-known PIN (``112233``, ``147258``...).

Each rule breaks with one catalogue message: ``keys.passphrase_weak`` (``field``)
or ``keys.pin_weak``.  The policy applies to NEW secrets only: what is already
stored keeps working.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from importlib import resources

from oaoi_desktop.errors import ValidationError

MIN_PASSPHRASE_LENGTH = 12
MIN_WORDS = 4
MIN_PIN_DIGITS = 6
_WORD = re.compile(r"[^\W\d_]{2,}")
_SEPARATORS = re.compile(r"[\s\-_.]+")
_TRAILING = re.compile(r"[\W\d_]+$")
_KNOWN_PINS = frozenset({
    "112233", "223344", "102030", "147258", "258369", "147258369", "159753", "159357", "951753", "753951",
    "111222", "123321", "321123", "100200", "101010", "202020", "142536", "852456", "456852", "789456",
    "456123", "741852", "963852", "123654", "112358", "314159", "271828", "11223344", "12344321", "12341234",
})


@functools.lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The bundled list (package data), normalised as passphrases are compared."""
    text = resources.files(__package__).joinpath("common-passwords.txt").read_text(encoding="utf-8")
    words = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(_compact(line))
    return frozenset(words)


def _compact(text: str) -> str:
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", text).casefold())


def _is_common(secret: str) -> bool:
    common = common_passwords()
    compact = _compact(secret)
    return compact in common or _TRAILING.sub("", compact) in common or _TRAILING.sub("", secret.casefold()) in common


def passphrase_problem(secret: str | bytes | None) -> bool:
    """True when ``secret`` would be refused as a new passphrase."""
    if isinstance(secret, bytes):
        try:
            secret = secret.decode("utf-8")
        except UnicodeDecodeError:  # raw bytes (not text): only their length can be judged
            return len(secret.strip()) < MIN_PASSPHRASE_LENGTH
    text = unicodedata.normalize("NFC", secret or "").strip()
    long_enough = len(text) >= MIN_PASSPHRASE_LENGTH or len(_WORD.findall(text)) >= MIN_WORDS
    if not long_enough or len(set(text.casefold())) < 4:
        return True
    return _is_common(text)


def check_passphrase(secret: str | bytes | None, field: str = "passphrase") -> None:
    """Refuse a weak new passphrase (``keys.passphrase_weak`` naming ``field``)."""
    if passphrase_problem(secret):
        raise ValidationError("keys.passphrase_weak", field=field, min=MIN_PASSPHRASE_LENGTH, words=MIN_WORDS)


def _is_run(digits: str) -> bool:
    steps = {(int(b) - int(a)) % 10 for a, b in zip(digits, digits[1:])}
    return steps in ({1}, {9})


def _is_repeated(digits: str) -> bool:
    n = len(digits)
    return any(n % k == 0 and digits == digits[:k] * (n // k) for k in range(1, n // 2 + 1))


def _date(day: str, month: str, year: int) -> bool:
    try:
        dt.date(year, int(month), int(day))
    except ValueError:
        return False
    return True


def _is_date(digits: str) -> bool:
    if len(digits) == 6:
        for year in (1900 + int(digits[4:]), 2000 + int(digits[4:])):
            if _date(digits[:2], digits[2:4], year) or _date(digits[2:4], digits[:2], year):
                return True  # DDMMYY, MMDDYY
        yy = int(digits[:2])
        return _date(digits[4:], digits[2:4], 2000 + yy) or _date(digits[4:], digits[2:4], 1900 + yy)  # YYMMDD
    if len(digits) == 8:
        return (1900 <= int(digits[4:]) <= 2099 and _date(digits[:2], digits[2:4], int(digits[4:]))) or (
            1900 <= int(digits[:4]) <= 2099 and _date(digits[6:], digits[4:6], int(digits[:4])))
    return False


def pin_problem(pin: str) -> bool:
    """True when ``pin`` (digits only) would be refused as a new PIN."""
    digits = (pin or "").strip()
    if len(digits) < MIN_PIN_DIGITS or not (digits.isascii() and digits.isdigit()):
        return True
    return _is_run(digits) or _is_repeated(digits) or digits in _KNOWN_PINS or _is_date(digits)


def check_pin(pin: str) -> None:
    if pin_problem(pin):
        raise ValidationError("keys.pin_weak", min=MIN_PIN_DIGITS)


def is_pin(secret: str) -> bool:
    """A sign-in secret made only of digits is a PIN (any other is a passphrase)."""
    text = (secret or "").strip()
    return bool(text) and text.isascii() and text.isdigit()


def check_sign_in_secret(secret: str) -> None:
    """The gate for a new sign-in secret: the PIN rules for digits, else the passphrase rules."""
    if is_pin(secret):
        check_pin(secret)
    else:
        check_passphrase(secret, "secret")


__all__ = [
    "MIN_PASSPHRASE_LENGTH",
    "MIN_PIN_DIGITS",
    "MIN_WORDS",
    "check_passphrase",
    "check_pin",
    "check_sign_in_secret",
    "common_passwords",
    "is_pin",
    "passphrase_problem",
    "pin_problem",
]
