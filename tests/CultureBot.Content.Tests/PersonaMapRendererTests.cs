using System.IO.Compression;
using CultureBot.Core.Personas;
using CultureBot.Core.Personas.Map;

namespace CultureBot.Content.Tests;

public class PersonaMapRendererTests
{
    private static readonly PersonaPack Pack = PackReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "TestData", "palmes-et-rando.pack.yaml")).Pack;

    /// <summary>The palette index of each pixel, read back from the PNG's single IDAT chunk.</summary>
    private static byte[] Pixels(byte[] png)
    {
        var position = 8;
        using var idat = new MemoryStream();
        while (position < png.Length)
        {
            var length = (png[position] << 24) | (png[position + 1] << 16) | (png[position + 2] << 8) | png[position + 3];
            var type = System.Text.Encoding.ASCII.GetString(png, position + 4, 4);
            if (type == "IDAT")
            {
                idat.Write(png, position + 8, length);
            }

            position += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var rows = inflated.ToArray();
        var pixels = new byte[PersonaMapRenderer.Width * PersonaMapRenderer.Height];
        for (var y = 0; y < PersonaMapRenderer.Height; y++)
        {
            Assert.Equal(0, rows[y * (PersonaMapRenderer.Width + 1)]);
            Array.Copy(rows, (y * (PersonaMapRenderer.Width + 1)) + 1, pixels, y * PersonaMapRenderer.Width, PersonaMapRenderer.Width);
        }

        return pixels;
    }

    [Fact]
    public void The_map_is_a_small_png_with_each_persona_at_its_place()
    {
        var png = PersonaMapRenderer.RenderPng(Pack)!;

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length < 8 * 1024, $"{png.Length} bytes");
        var pixels = Pixels(png);
        // Quentin is at (0.7, 0.9): the disc's edge, left of its centre, has a persona colour (index 4 and up), not the background.
        var cx = 44 + (int)Math.Round(1.7 / 2 * (PersonaMapRenderer.Width - 88));
        var cy = 44 + (int)Math.Round((1 - (1.9 / 2)) * (PersonaMapRenderer.Height - 88));
        Assert.True(pixels[(cy * PersonaMapRenderer.Width) + cx - 12] >= 4);
        Assert.Equal(0, pixels[(cy * PersonaMapRenderer.Width) + cx - 40]);
    }

    [Fact]
    public void A_pack_without_a_map_or_positions_has_no_map()
    {
        Assert.Null(PersonaMapRenderer.RenderPng(Pack with { Map = null }));
        Assert.Null(PersonaMapRenderer.RenderPng(Pack with { Personas = [.. Pack.Personas.Select(p => p with { MapPosition = null })] }));
    }

    [Fact]
    public void The_data_uri_fits_easily_in_a_teams_card() =>
        Assert.True(PersonaMapRenderer.DataUri(Pack)!.Length < 12 * 1024);
}
