using System.Collections.Generic;
using PasswordSafe.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>
/// A server that ignores limit (answers more than asked) or offset (the same page again) ends a listing instead of
/// paging for ever (PageEnd, PageSignature; the PowerShell side is tests/PasswordSafe.Tests Checkout/IgnoredPagingTests).
/// </summary>
public class IgnoredPagingTests
{
    [Theory]
    [InlineData(1500, 1000, true)]
    [InlineData(1001, 1000, true)]
    [InlineData(1000, 1000, false)]
    [InlineData(100, 1000, false)]
    [InlineData(5, 0, false)]
    public void MoreThanAskedFor_IgnoresLimit(int returned, int asked, bool ignores) =>
        Assert.Equal(ignores, PageEnd.IgnoresLimit(returned, asked));

    [Fact]
    public void TheSamePageAgain_Repeats_ANextPageDoesNot()
    {
        var first = PageSignature.Of(new List<int> { 1, 2, 3 }, i => i.ToString());
        var again = PageSignature.Of(new List<int> { 1, 2, 3 }, i => i.ToString());
        var next = PageSignature.Of(new List<int> { 4, 5, 6 }, i => i.ToString());
        var shorter = PageSignature.Of(new List<int> { 1, 3 }, i => i.ToString());

        Assert.False(PageEnd.Repeats(first, null));
        Assert.True(PageEnd.Repeats(again, first));
        Assert.False(PageEnd.Repeats(next, first));
        Assert.False(PageEnd.Repeats(shorter, first));
        Assert.Null(PageSignature.Of(new List<int>(), i => i.ToString()));
        Assert.False(PageEnd.Repeats(null, first));
    }
}
