using PasswordSafe.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>
/// The query of <c>GET ManagedAccounts</c> (api-v3 §2.1) and the names the module matches itself: the API's name filters
/// are exact, so a name with wildcards is never sent and is matched against each listed account instead.
/// </summary>
public class ManagedAccountFilterTests
{
    private static readonly ManagedAccount WebAdministrator = new() { SystemName = "web01", AccountName = "Administrator" };
    private static readonly ManagedAccount DomainAccount = new() { SystemName = "contoso.test", AccountName = "svc-backup", DomainName = "CONTOSO" };

    [Fact]
    public void ExactNames_AreSent_AndAreALookupOfOneAccount()
    {
        var filter = new ManagedAccountFilter { SystemName = "web01", AccountName = "Administrator" };

        Assert.Equal("ManagedAccounts?systemName=web01&accountName=Administrator&limit=10&offset=0", filter.ToRelativePath(0, 10));
        Assert.True(filter.IsExactLookup);
        Assert.False(filter.HasWildcards);
        Assert.True(filter.Matches(DomainAccount)); // the server already filtered: nothing is matched here
    }

    [Fact]
    public void NameWithWildcards_IsNotSent_TheOtherNameIs_AndItIsNoLookup()
    {
        var filter = new ManagedAccountFilter { SystemName = "web*", AccountName = "Administrator", WorkgroupName = "East" };

        Assert.Equal("ManagedAccounts?accountName=Administrator&workgroupName=East&limit=10&offset=20", filter.ToRelativePath(20, 10));
        Assert.False(filter.IsExactLookup);
        Assert.True(filter.HasWildcards);
        Assert.Equal("system 'web*', account 'Administrator', workgroup 'East'", filter.Describe());
    }

    [Theory]
    [InlineData("WEB*", null, true)]
    [InlineData("web0?", null, true)]
    [InlineData("web[0-9]*", null, true)]
    [InlineData("db*", null, false)]
    [InlineData(null, "admin*", true)]
    [InlineData(null, "*istrator", true)]
    [InlineData(null, "root*", false)]
    public void Matches_IsCaseInsensitive_OnTheSystemAndAccountName(string? systemName, string? accountName, bool matches)
    {
        var filter = new ManagedAccountFilter { SystemName = systemName, AccountName = accountName };

        Assert.Equal(matches, filter.Matches(WebAdministrator));
    }

    [Theory]
    [InlineData("svc-*", true)]
    [InlineData(@"CONTOSO\svc-*", true)]
    [InlineData(@"contoso\*", true)]
    [InlineData(@"OTHER\svc-*", false)]
    public void AccountNameWithWildcards_MatchesTheBareNameOrTheDomainForm(string accountName, bool matches)
    {
        var filter = new ManagedAccountFilter { AccountName = accountName };

        Assert.Equal(matches, filter.Matches(DomainAccount));
    }

    [Fact]
    public void EscapedWildcardCharacters_AreALiteralName_SentWithoutTheBackticks()
    {
        var filter = new ManagedAccountFilter { SystemName = "web`[1`]", AccountName = "a`*b" };

        Assert.False(filter.HasWildcards);
        Assert.True(filter.IsExactLookup);
        Assert.Equal("ManagedAccounts?systemName=web%5B1%5D&accountName=a%2Ab&limit=1&offset=0", filter.ToRelativePath(0, 1));
    }
}
