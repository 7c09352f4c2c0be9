using Microsoft.Playwright;
using NnViz.Testing;

namespace NnViz.Browser.Tests;

/// <summary>Takes a screenshot, keeps it under reports/screenshots/ (git-ignored, the CI artifact) and checks it is not blank.</summary>
public static class Screenshots
{
    /// <summary>Luminance variance below this is a blank or single-colour page.</summary>
    public const double BlankVarianceThreshold = 50;

    public static string Dir => Path.Combine(RepoPaths.Root, "reports", "screenshots");

    public static async Task<PngImage> TakeAndCheckAsync(IPage page, string name, bool fullPage = true)
    {
        byte[] png = await page.ScreenshotAsync(new() { FullPage = fullPage });
        Directory.CreateDirectory(Dir);
        await File.WriteAllBytesAsync(Path.Combine(Dir, name + ".png"), png);
        var image = PngImage.Decode(png);
        double variance = image.LumaVariance();
        Assert.True(variance > BlankVarianceThreshold,
            $"screenshot {name} looks blank: luminance variance {variance:F1} <= {BlankVarianceThreshold}");
        return image;
    }
}
