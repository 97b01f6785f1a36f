using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>Previews in messages and logs end on a whole character, never on half of an emoji.</summary>
public class TextPreviewTests
{
    [Fact]
    public void Prefix_WouldEndInTheFirstHalfOfAPair_StopsBeforeThePair()
    {
        var text = "a" + string.Concat(System.Linq.Enumerable.Repeat("\U0001F680", 5));

        var prefix = TextPreview.Prefix(text, 4);

        Assert.Equal("a\U0001F680", prefix);
        Assert.False(char.IsHighSurrogate(prefix[prefix.Length - 1]));
    }

    [Fact]
    public void Prefix_EndingAfterAWholePair_KeepsIt()
    {
        Assert.Equal("a\U0001F680\U0001F680", TextPreview.Prefix("a\U0001F680\U0001F680\U0001F680", 5));
    }

    [Theory]
    [InlineData("abcdef", 3, "abc")]
    [InlineData("abc", 3, "abc")]
    [InlineData("abc", 10, "abc")]
    [InlineData("\U0001F680", 1, "")]
    public void Prefix_PlainCuts(string text, int length, string expected)
    {
        Assert.Equal(expected, TextPreview.Prefix(text, length));
    }
}
