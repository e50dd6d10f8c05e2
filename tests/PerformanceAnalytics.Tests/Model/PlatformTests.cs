using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Tests.Model;

public sealed class PlatformTests
{
    [TestCase("youtube", "youtube")]
    [TestCase("YouTube", "youtube")]
    [TestCase("  TIKTOK ", "tiktok")]
    [TestCase("Instagram", "instagram")]
    [TestCase("linkedIn", "linkedin")]
    [TestCase("x", "x")]
    [TestCase("X", "x")]
    [TestCase("twitter", "x")]
    [TestCase("Twitter", "x")]
    [TestCase("x/twitter", "x")]
    public void Parse_BuiltInNamesAndAliases_AreCaseInsensitive(string text, string key)
    {
        Platform.Parse(text).Key.Should().Be(key);
        Platform.Parse(text).IsBuiltIn.Should().BeTrue();
    }

    [Test]
    public void Parse_TwitterAndX_AreTheSamePlatform() => Platform.Parse("twitter").Should().Be(Platform.X);

    [Test]
    public void Custom_ValidKey_IsLowerCasedAndNotBuiltIn()
    {
        var platform = Platform.Custom("Mastodon");

        platform.Key.Should().Be("mastodon");
        platform.IsBuiltIn.Should().BeFalse();
        Platform.Parse("MASTODON").Should().Be(platform);
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("my space")]
    [TestCase("drop;table")]
    public void Parse_Invalid_ThrowsFormatExceptionSayingWhy(string text)
    {
        var act = () => Platform.Parse(text);

        act.Should().Throw<FormatException>().Which.Message.Should().NotBeNullOrWhiteSpace();
        Platform.TryParse(text, out _).Should().BeFalse();
    }

    [Test]
    public void Custom_TooLong_ThrowsArgumentExceptionNamingKey()
    {
        var act = () => Platform.Custom(new string('a', 65));

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("key");
    }
}
