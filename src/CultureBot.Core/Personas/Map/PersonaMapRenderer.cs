using System.IO.Compression;
using System.Text;

namespace CultureBot.Core.Personas.Map;

/// <summary>
/// Draws a pack's positioning map as a small palette PNG: the two axes with their labels, and each placed
/// persona as a coloured disc with its initials and its name. Small enough (a few KB) to travel inside a card
/// as a data URI. A pack without a map, or with no persona placed on it, has no map: null, not an error.
/// </summary>
public static class PersonaMapRenderer
{
    public const int Width = 480;
    public const int Height = 360;

    private const int Margin = 44;
    private const int Radius = 15;

    private const byte Background = 0;
    private const byte Grid = 1;
    private const byte Ink = 2;
    private const byte White = 3;
    private const byte FirstPersonaColour = 4;

    private static readonly byte[][] Palette =
    [
        [255, 255, 255], [210, 214, 222], [55, 60, 72], [255, 255, 255],
        [194, 65, 12], [37, 99, 235], [22, 163, 74], [147, 51, 234], [219, 39, 119], [13, 148, 136], [202, 138, 4], [71, 85, 105],
    ];

    public static byte[]? RenderPng(PersonaPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var placed = pack.Personas.Where(p => p.MapPosition is not null).ToList();
        if (pack.Map is null || placed.Count == 0)
        {
            return null;
        }

        var canvas = new byte[Width * Height];
        DrawAxes(canvas, pack.Map);
        for (var i = 0; i < placed.Count; i++)
        {
            var (x, y) = placed[i].MapPosition!.Value;
            var cx = Margin + (int)Math.Round((x + 1) / 2 * (Width - (2 * Margin)));
            var cy = Margin + (int)Math.Round((1 - ((y + 1) / 2)) * (Height - (2 * Margin)));
            var colour = (byte)(FirstPersonaColour + (i % (Palette.Length - FirstPersonaColour)));
            Disc(canvas, cx, cy, Radius, colour);
            var initials = PersonaCards.Initials(placed[i].Name);
            Text(canvas, initials, cx - (PixelFont.Measure(initials.Length, 2) / 2), cy - 7, 2, White);
            var name = PixelFont.Prepare(placed[i].Name);
            name = name.Length > 16 ? name[..16] : name;
            var nameX = Math.Clamp(cx - (PixelFont.Measure(name.Length, 1) / 2), 2, Width - PixelFont.Measure(name.Length, 1) - 2);
            Text(canvas, name, nameX, cy + Radius + 3, 1, Ink);
        }

        return Encode(canvas);
    }

    /// <summary>
    /// The colour of the persona's disc on the map, as <c>#rrggbb</c> (the studio draws its initials on the same); a
    /// persona not on the map takes the colour of its place in the pack.
    /// </summary>
    public static string ColourOf(PersonaPack pack, Persona persona)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(persona);
        var placed = pack.Personas.Where(p => p.MapPosition is not null).Select(p => p.Id).ToList();
        var index = persona.MapPosition is null ? pack.Personas.Select(p => p.Id).ToList().IndexOf(persona.Id) : placed.IndexOf(persona.Id);
        var colour = Palette[FirstPersonaColour + (Math.Max(index, 0) % (Palette.Length - FirstPersonaColour))];
        return $"#{colour[0]:x2}{colour[1]:x2}{colour[2]:x2}";
    }

    /// <summary>The PNG as a data URI, for a card image that needs no public URL.</summary>
    public static string? DataUri(PersonaPack pack) =>
        RenderPng(pack) is { } png ? "data:image/png;base64," + Convert.ToBase64String(png) : null;

    private static void DrawAxes(byte[] canvas, PersonaMap map)
    {
        var midX = Width / 2;
        var midY = Height / 2;
        for (var x = Margin - 10; x <= Width - Margin + 10; x++)
        {
            canvas[(midY * Width) + x] = Grid;
        }

        for (var y = Margin - 10; y <= Height - Margin + 10; y++)
        {
            canvas[(y * Width) + midX] = Grid;
        }

        Label(canvas, map.YHigh, midX, 6);
        Label(canvas, map.YLow, midX, Height - 13);
        var low = Fit(PixelFont.Prepare(map.XLow), 22);
        var high = Fit(PixelFont.Prepare(map.XHigh), 22);
        Text(canvas, low, 4, midY + 6, 1, Ink);
        Text(canvas, high, Width - PixelFont.Measure(high.Length, 1) - 4, midY + 6, 1, Ink);
    }

    private static void Label(byte[] canvas, string text, int centreX, int y)
    {
        var prepared = Fit(PixelFont.Prepare(text), 60);
        Text(canvas, prepared, centreX - (PixelFont.Measure(prepared.Length, 1) / 2), y, 1, Ink);
    }

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + ".";

    private static void Text(byte[] canvas, string text, int left, int top, int scale, byte colour)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var originX = left + (i * (PixelFont.Width + 1) * scale);
            for (var gy = 0; gy < PixelFont.Height; gy++)
            {
                for (var gx = 0; gx < PixelFont.Width; gx++)
                {
                    if (!PixelFont.On(text[i], gx, gy))
                    {
                        continue;
                    }

                    for (var sy = 0; sy < scale; sy++)
                    {
                        for (var sx = 0; sx < scale; sx++)
                        {
                            Set(canvas, originX + (gx * scale) + sx, top + (gy * scale) + sy, colour);
                        }
                    }
                }
            }
        }
    }

    private static void Disc(byte[] canvas, int cx, int cy, int radius, byte colour)
    {
        for (var y = -radius; y <= radius; y++)
        {
            for (var x = -radius; x <= radius; x++)
            {
                if ((x * x) + (y * y) <= radius * radius)
                {
                    Set(canvas, cx + x, cy + y, colour);
                }
            }
        }
    }

    private static void Set(byte[] canvas, int x, int y, byte colour)
    {
        if (x >= 0 && x < Width && y >= 0 && y < Height)
        {
            canvas[(y * Width) + x] = colour;
        }
    }

    /// <summary>PNG, colour type 3 (palette), 8 bits per pixel, filter 0 on every row.</summary>
    private static byte[] Encode(byte[] canvas)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteBigEndian(header, 0, Width);
        WriteBigEndian(header, 4, Height);
        header[8] = 8;
        header[9] = 3;
        Chunk(png, "IHDR", header);
        Chunk(png, "PLTE", [.. Palette.SelectMany(c => c)]);
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < Height; y++)
            {
                zlib.WriteByte(0);
                zlib.Write(canvas, y * Width, Width);
            }
        }

        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, (int)Crc32(typed));
        png.Write(crc);
    }

    private static void WriteBigEndian(byte[] buffer, int offset, int value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
