using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Checkout;
using PasswordSafe.Commands;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>Tab completion of system, account and alias names: from the server, cached briefly per session, never throwing.</summary>
public class RequestableNameCacheTests
{
    [Fact]
    public void Names_AreCachedForTwoMinutes()
    {
        var now = DateTimeOffset.UtcNow;
        var fetches = 0;
        var cache = new RequestableNameCache((system, _) =>
        {
            fetches++;
            return Task.FromResult<IReadOnlyList<ManagedAccount>>(new[]
            {
                new ManagedAccount { SystemName = "db01", AccountName = "sa" },
                new ManagedAccount { SystemName = "db02", AccountName = "sa" },
                new ManagedAccount { SystemName = "web", AccountName = "root" },
            });
        }, () => now);

        Assert.Equal(new[] { "db01", "db02" }, cache.SystemNames("DB"));
        Assert.Equal(new[] { "root", "sa" }, cache.AccountNames(null, ""));
        Assert.Equal(1, fetches);
        now += RequestableNameCache.Lifetime + TimeSpan.FromSeconds(1);
        cache.SystemNames("");
        Assert.Equal(2, fetches);
    }

    [Fact]
    public void AliasNames_OnlyRequestableOnes_ByPrefix_CachedApartFromAccounts()
    {
        var now = DateTimeOffset.UtcNow;
        var aliasFetches = 0;
        var cache = new RequestableNameCache((_, _) => Task.FromResult<IReadOnlyList<ManagedAccount>>(new ManagedAccount[0]), () => now, _ =>
        {
            aliasFetches++;
            return Task.FromResult<IReadOnlyList<ManagedAccountAlias>>(new[]
            {
                new ManagedAccountAlias { AliasName = "web-admin", AliasState = 1 },
                new ManagedAccountAlias { AliasName = "Web-Backup", AliasState = 2 },
                new ManagedAccountAlias { AliasName = "web-retired", AliasState = 0 },
                new ManagedAccountAlias { AliasName = "db-admin", AliasState = 1 },
            });
        });

        Assert.Equal(new[] { "web-admin", "Web-Backup" }, cache.AliasNames("WEB"));
        Assert.Equal(new[] { "db-admin", "web-admin", "Web-Backup" }, cache.AliasNames(""));
        Assert.Equal(new[] { "web-admin", "Web-Backup", "web-retired" }, cache.AliasNames("web", unmappedToo: true));
        cache.SystemNames("");
        Assert.Equal(1, aliasFetches);
        now += RequestableNameCache.Lifetime + TimeSpan.FromSeconds(1);
        cache.AliasNames("");
        Assert.Equal(2, aliasFetches);
    }

    /// <summary>
    /// A server with 300 systems of 100 accounts (sys-000… in id order), answering pages of the size asked for; each call
    /// takes 3 s by the test's clock, so a Tab (2 s budget) reads one page.
    /// </summary>
    private sealed class BigServer
    {
        public DateTimeOffset Now = DateTimeOffset.UtcNow;
        public readonly List<(string? System, long Offset, int Limit)> Calls = new List<(string?, long, int)>();

        public RequestableNameCache Cache() => new RequestableNameCache((system, offset, limit, _) =>
        {
            Calls.Add((system, offset, limit));
            Now += TimeSpan.FromSeconds(3);
            var all = Enumerable.Range(0, 30000)
                .Select(i => new ManagedAccount { SystemName = $"sys-{i / 100:000}", AccountName = $"acct-{i % 100:00}" })
                .Where(a => system == null || a.SystemName == system)
                .ToList();
            var page = all.Skip((int)offset).Take(limit).ToList();
            return Task.FromResult(new ManagedAccountPage(page, null, isLast: offset + limit >= all.Count));
        }, new CompletionCache(() => Now));
    }

    [Fact]
    public void SystemNames_BeyondWhatWasRead_AreOfferedAfterAnotherTab_EachReadingOnFromWhereTheLastStopped()
    {
        var server = new BigServer();
        var cache = server.Cache();

        Assert.Empty(cache.SystemNames("sys-2"));
        Assert.Equal(100, cache.SystemNames("sys-0").Count);
        var beyondTwoPages = cache.SystemNames("sys-2");

        Assert.Equal(100, beyondTwoPages.Count);
        Assert.Equal("sys-299", beyondTwoPages.Last());
        Assert.Equal(new (string?, long, int)[] { (null, 0, 10000), (null, 10000, 10000), (null, 20000, 10000) }, server.Calls);
        // All read: more Tabs call nothing.
        Assert.Equal(300, cache.SystemNames("sys").Count);
        Assert.Equal(3, server.Calls.Count);
    }

    [Fact]
    public void AccountNames_OnASystemPattern_NarrowTheListOfAllSystems_SoEachPatternDoesNotReadItAgain()
    {
        var server = new BigServer();
        var cache = server.Cache();

        Assert.Empty(cache.AccountNames("sys-2*", "acct-0"));
        cache.AccountNames("sys-1?5", "acct-0");
        Assert.Equal(new[] { "acct-07" }, cache.AccountNames("sys-2*", "acct-07"));
        Assert.Equal(100, cache.AccountNames("sys-29[0-9]", "acct").Count);
        Assert.Equal(new (string?, long, int)[] { (null, 0, 10000), (null, 10000, 10000), (null, 20000, 10000) }, server.Calls);
    }

    [Fact]
    public void AccountNames_OnASystemNamedExactly_AreAskedOfThatSystem()
    {
        var server = new BigServer();
        var cache = server.Cache();

        Assert.Equal(100, cache.AccountNames("sys-299", "").Count);
        Assert.Equal(new (string?, long, int)[] { ("sys-299", 0, 10000) }, server.Calls);
    }

    [Fact]
    public void FailingServer_OffersNothing()
    {
        var cache = new RequestableNameCache((_, _) => throw new InvalidOperationException("offline"));

        Assert.Empty(cache.SystemNames("x"));
    }

    [Fact]
    public void Completer_AsksTheServerNarrowedToTheTypedSystem_AndQuotes()
    {
        var server = new FakeCheckoutServer();
        server.Accounts[0]["AccountName"] = "svc admin";
        using var ps = new CheckoutRunspace(server);

        var results = new AccountNameCompleter().CompleteArgument("New-PSRequest", "AccountName", "svc", null!,
            new Hashtable { ["SystemName"] = "srv1", ["Session"] = ps.Session }).ToList();

        // srv1's account has the domain CONTOSO, so it is offered as -AccountName finds it; the space needs quotes.
        Assert.Equal(@"'CONTOSO\svc admin'", Assert.Single(results).CompletionText);
        Assert.Contains("systemName=srv1", server.Calls("GET", "ManagedAccounts").Single().Uri.Query);
    }

    [Fact]
    public void AccountNames_DomainFormForAccountsWithADomain_MatchedOnItOrOnTheBareName_UpnOnceAnAtIsTyped()
    {
        var cache = new RequestableNameCache((_, _) => Task.FromResult<IReadOnlyList<ManagedAccount>>(new[]
        {
            new ManagedAccount { SystemName = "contoso.test", AccountName = "svc-backup", DomainName = "CONTOSO", UserPrincipalName = "svc-backup@contoso.test" },
            new ManagedAccount { SystemName = "contoso.test", AccountName = "svc-sql", DomainName = "CONTOSO" },
            new ManagedAccount { SystemName = "web01", AccountName = "svc-web" },
            new ManagedAccount { SystemName = "web01", AccountName = @"FABRIKAM\ops" },
        }));

        Assert.Equal(new[] { @"CONTOSO\svc-backup", @"CONTOSO\svc-sql", @"FABRIKAM\ops", "svc-web" }, cache.AccountNames(null, ""));
        Assert.Equal(new[] { @"CONTOSO\svc-backup", @"CONTOSO\svc-sql", "svc-web" }, cache.AccountNames(null, "SVC"));
        Assert.Equal(new[] { @"CONTOSO\svc-backup" }, cache.AccountNames(null, @"contoso\svc-b"));
        Assert.Equal(new[] { @"CONTOSO\svc-backup", @"CONTOSO\svc-sql" }, cache.AccountNames(null, "c"));
        Assert.Equal(new[] { @"FABRIKAM\ops" }, cache.AccountNames(null, "op"));
        Assert.Equal(new[] { "svc-backup@contoso.test" }, cache.AccountNames(null, "svc-backup@"));
    }

    [Theory]
    [InlineData("svc-backup", "svc-backup")]
    [InlineData(@"CONTOSO\svc-backup", @"CONTOSO\svc-backup")]
    [InlineData("svc-backup@contoso.test", "svc-backup@contoso.test")]
    [InlineData("svc admin", "'svc admin'")]
    [InlineData("-admin", "'-admin'")]
    [InlineData("$x", "'$x'")]
    [InlineData("o'brien", "'o''brien'")]
    [InlineData("a#b", "a#b")]
    [InlineData("#a", "'#a'")]
    [InlineData("a,b", "'a,b'")]
    public void Quote_OnlyWhatPowerShellWouldNotReadBackAsTheOneBareWord(string name, string typed) =>
        Assert.Equal(typed, AccountCompletion.Quote(name));

    [Fact]
    public void Completer_WithoutASession_OffersNothing() =>
        Assert.Empty(new SystemNameCompleter().CompleteArgument("Get-PSManagedAccount", "SystemName", "", null!, new Hashtable()));
}
