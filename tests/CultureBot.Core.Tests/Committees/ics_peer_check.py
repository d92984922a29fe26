# Reads an iCalendar file with the `icalendar` library (Debian's python3-icalendar, not ours) and prints, for its
# event, the start and end in UTC as computed from the file's own VTIMEZONE (the latest observance that began
# before the local time), plus the fields a calendar shows. Any parse error ends with a non-zero exit.
import sys
from datetime import timedelta, timezone
from icalendar import Calendar

with open(sys.argv[1], "rb") as f:
    cal = Calendar.from_ical(f.read())

zones = {}
for tz in cal.walk("VTIMEZONE"):
    observances = []
    for part in tz.subcomponents:
        start = part.decoded("DTSTART")
        observances.append((start.replace(tzinfo=None), part.decoded("TZOFFSETTO"), part.name))
    zones[str(tz["TZID"])] = sorted(observances)

def to_utc(prop):
    value = prop.dt
    tzid = prop.params.get("TZID")
    if tzid is None:
        return value.astimezone(timezone.utc)
    local = value.replace(tzinfo=None)
    offset = [o for o in zones[tzid] if o[0] <= local][-1][1]
    return (local - offset).replace(tzinfo=timezone.utc)

events = list(cal.walk("VEVENT"))
assert len(events) == 1, "one event expected"
event = events[0]
print("version", cal["VERSION"])
print("start", to_utc(event["DTSTART"]).isoformat())
print("end", to_utc(event["DTEND"]).isoformat())
print("summary", str(event["SUMMARY"]))
print("location", str(event.get("LOCATION", "")))
print("sequence", int(event["SEQUENCE"]))
print("status", str(event["STATUS"]))
print("uid", str(event["UID"]))
