"""The timed transcripts: WebVTT through webvtt-py, SRT through srt (both imported here only).

Each timing line is checked first, here, so that a bad one is a problem at its line
and column rather than a cue the library skips in silence; the library then reads
the cues, and each is matched back to its timing line by its times.
"""

from __future__ import annotations

import re
from typing import Any

from belonging_cli.evidence.transcript_read import (
    MAX_CUES,
    MAX_SECONDS,
    Cue,
    Speakers,
    clean_name,
    clean_text,
    problem,
    split_named,
)
from belonging_cli.safe_text import strip_escapes

_VTT_TIME = r"(?:(\d{1,2}):)?(\d{1,2}):(\d{2})\.(\d{3})"
_SRT_TIME = r"(\d{1,3}):(\d{2}):(\d{2})[,.](\d{1,3})"
_VTT_TIMING = re.compile(rf"^\s*{_VTT_TIME}[ \t]*-->[ \t]*{_VTT_TIME}(?:[ \t]|$)")
_SRT_TIMING = re.compile(rf"^\s*{_SRT_TIME} *-[ -] *> *{_SRT_TIME}(?: |$)")
_NOT_SUBTITLE = "not a subtitle (a number, a timing like 00:01:02,500 --> 00:01:05,000, text)"
# A voice tag at a subtitle's start, as some converters keep Teams' speakers in SRT.
_VOICE = re.compile(r"^\s*<v(?:\.[\w-]+)*\s+([^<>\s][^<>]{0,200})>")


def _seconds(parts: tuple[str | None, ...]) -> float | None:
    """Seconds from (hours, minutes, seconds, fraction); None past 59 minutes or seconds."""
    hours, minutes, seconds, fraction = (int(p or 0) for p in parts)
    if minutes > 59 or seconds > 59:
        return None
    scale: int = 10 ** len(parts[3] or "0")
    return hours * 3600 + minutes * 60 + seconds + fraction / scale


def _timings(
    lines: list[str], path: str, pattern: re.Pattern[str], example: str
) -> list[tuple[int, float, float]]:
    """(line, start, end) of every timing line, each checked; a problem at the first bad one."""
    found: list[tuple[int, float, float]] = []
    for number, line in enumerate(lines, start=1):
        if "-->" not in line:
            continue
        column = len(line) - len(line.lstrip()) + 1
        timing = pattern.match(line)
        if timing is None:
            raise problem(path, number, column, f"not a cue's timing (like {example})")
        start, end = _seconds(timing.groups()[:4]), _seconds(timing.groups()[4:])
        if start is None or end is None:
            raise problem(path, number, column, "a time with more than 59 minutes or seconds")
        if start > MAX_SECONDS or end > MAX_SECONDS:
            raise problem(path, number, column, "a time past 24 hours: not one meeting")
        if end < start:
            raise problem(path, number, timing.start(5) + 1, "the cue ends before it starts")
        if len(found) >= MAX_CUES:
            raise problem(path, number, column, f"more than {MAX_CUES:,} cues")
        found.append((number, start, end))
    return found


def _line_of(timings: list[tuple[int, float, float]], at: int, start: float, end: float) -> int:
    """The index in `timings` of the next timing line with these times, from `at`."""
    for index in range(at, len(timings)):
        _, first, last = timings[index]
        if abs(first - start) < 0.0005 and abs(last - end) < 0.0005:
            return index
    return at


def _speaker_and_text(voice: str | None, text: str, before: str | None) -> tuple[str | None, str]:
    if voice:
        return clean_name(voice), clean_text(text)
    said = clean_text(text)
    named = split_named(said)
    if named is not None:
        return named[0], named[1]
    return before, said


def _cues(
    items: list[tuple[str | None, str, float, float]],
    timings: list[tuple[int, float, float]],
    path: str,
) -> list[Cue]:
    """Cues from (voice, text, start, end), matched to their timing lines."""
    speakers = Speakers(path)
    cues: list[Cue] = []
    at = 0
    speaker: str | None = None
    for voice, text, start, end in items:
        at = _line_of(timings, at, start, end)
        line = timings[at][0] if at < len(timings) else 1
        speaker, said = _speaker_and_text(voice, text, speaker)
        if speaker is None or not said:
            continue  # talk before anyone is named cannot be anyone's
        cues.append(Cue(speakers.check(speaker, line), start, end, said, line))
        at += 1
    return cues


def read_vtt(text: str, path: str) -> tuple[list[Cue], str]:
    """A WebVTT file's cues and its header (the text before its first cue)."""
    import webvtt
    from webvtt.errors import MalformedCaptionError, MalformedFileError

    lines = text.split("\n")
    if not lines[0].startswith("WEBVTT"):
        raise problem(path, 1, 1, "a WebVTT file starts with the line WEBVTT")
    timings = _timings(lines, path, _VTT_TIMING, "00:01:02.500 --> 00:01:05.000")
    try:
        parsed: Any = webvtt.WebVTT.from_buffer([_raw(line) for line in lines])
    except (MalformedCaptionError, MalformedFileError) as exc:
        raise problem(path, 1, 1, f"not a WebVTT file: {clean_text(str(exc))[:200]}") from None
    header_end = timings[0][0] - 1 if timings else len(lines)
    items = [
        (caption.voice, caption.text, _ms(caption.start_time), _ms(caption.end_time))
        for caption in parsed.captions
    ]
    return _cues(items, timings, path), "\n".join(lines[: min(header_end, 40)])


def _ms(timestamp: Any) -> float:
    return float(timestamp.in_milliseconds()) / 1000


def _raw(line: str) -> str:
    """A line as the library reads it: tags kept, no escape sequence or control character
    (nor a tab)."""
    return strip_escapes(line).replace("\t", " ")


def _voice(content: str) -> str | None:
    found = _VOICE.match(content)
    return None if found is None else found.group(1)


def read_srt(text: str, path: str) -> list[Cue]:
    """An SRT file's cues; a stretch that is no subtitle is a problem at its place."""
    import srt  # type: ignore[import-untyped]  # no stubs: its two calls are typed here

    from belonging_cli.located import line_column

    lines = text.split("\n")
    timings = _timings(lines, path, _SRT_TIMING, "00:01:02,500 --> 00:01:05,000")
    # srt's pattern tries a `\s*` from every place, so a long run of blank space costs
    # its square: each line is stripped and blank lines kept two at most (`origin` is
    # each kept line's own number, for the problem's place).
    kept: list[str] = []
    origin: list[int] = []
    for number, line in enumerate(lines, start=1):
        stripped = _raw(line).strip()
        if stripped or len(kept) < 2 or kept[-1] or kept[-2]:
            kept.append(stripped)
            origin.append(number)
    cleaned = "\n".join(kept)
    try:
        subtitles = list(srt.parse(cleaned))
    except srt.SRTParseError as exc:
        skipped = len(exc.unmatched_content) - len(exc.unmatched_content.lstrip())
        kept_line, column = line_column(cleaned, exc.expected_start + skipped)
        number = origin[kept_line - 1] if kept_line <= len(origin) else len(lines)
        indent = len(lines[number - 1]) - len(lines[number - 1].lstrip())
        raise problem(path, number, column + indent, _NOT_SUBTITLE) from None
    except srt.TimestampParseError:  # pragma: no cover - the timing lines are checked above
        raise problem(path, 1, 1, "a subtitle's time cannot be read") from None
    items = [
        (_voice(s.content), s.content, s.start.total_seconds(), s.end.total_seconds())
        for s in subtitles
    ]
    return _cues(items, timings, path)
