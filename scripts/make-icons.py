#!/usr/bin/env python3
"""Draws the Teams app icons (manifests/teams/color.png 192x192, outline.png 32x32).

The mark: a speech bubble holding a person's head and shoulders, the customer's voice.
Standard library only; shapes are sampled 4x4 per pixel for smooth edges.
"""
import math
import os
import struct
import zlib

ACCENT = (194, 65, 12)  # the manifest's accentColor, #C2410C
WHITE = (255, 255, 255)


def png(path, size, pixels):
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in pixels)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def rounded_square(x, y, r):
    """Inside a unit square with rounded corners of radius r."""
    cx, cy = min(max(x, r), 1 - r), min(max(y, r), 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def bubble(x, y):
    """A speech bubble: an ellipse and a tail at the lower left."""
    inside = ((x - 0.5) / 0.36) ** 2 + ((y - 0.45) / 0.30) ** 2 <= 1
    # tail: triangle (0.24,0.62) (0.42,0.70) (0.18,0.86)
    ax, ay, bx, by, cx, cy = 0.26, 0.62, 0.44, 0.70, 0.18, 0.86
    d = (by - cy) * (ax - cx) + (cx - bx) * (ay - cy)
    l1 = ((by - cy) * (x - cx) + (cx - bx) * (y - cy)) / d
    l2 = ((cy - ay) * (x - cx) + (ax - cx) * (y - cy)) / d
    return inside or (l1 >= 0 and l2 >= 0 and 1 - l1 - l2 >= 0)


def person(x, y):
    """Head and shoulders inside the bubble."""
    head = (x - 0.5) ** 2 + (y - 0.36) ** 2 <= 0.085 ** 2
    shoulders = ((x - 0.5) / 0.17) ** 2 + ((y - 0.62) / 0.14) ** 2 <= 1 and y <= 0.60
    return head or shoulders


def render(size, colour):
    n = 4
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            cover = {"bg": 0, "bubble": 0, "person": 0}
            for sy in range(n):
                for sx in range(n):
                    x, y = (px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size
                    if colour:
                        if person(x, y):
                            cover["person"] += 1
                        elif bubble(x, y):
                            cover["bubble"] += 1
                        elif rounded_square(x, y, 0.2):
                            cover["bg"] += 1
                    else:
                        if bubble(x, y) and not person(x, y):
                            cover["bubble"] += 1
            total = n * n
            if colour:
                # bubble white on the accent square; the person in the accent colour inside the bubble
                a = (cover["bg"] + cover["bubble"] + cover["person"]) / total
                if a == 0:
                    row.append((0, 0, 0, 0))
                    continue
                w = cover["bubble"] / (cover["bg"] + cover["bubble"] + cover["person"])
                rgb = tuple(round(WHITE[i] * w + ACCENT[i] * (1 - w)) for i in range(3))
                row.append(rgb + (round(255 * a),))
            else:
                row.append(WHITE + (round(255 * cover["bubble"] / total),))
        rows.append(row)
    return rows


if __name__ == "__main__":
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "manifests", "teams")
    png(os.path.join(folder, "color.png"), 192, render(192, colour=True))
    png(os.path.join(folder, "outline.png"), 32, render(32, colour=False))
    print("wrote color.png and outline.png in", os.path.normpath(folder))
