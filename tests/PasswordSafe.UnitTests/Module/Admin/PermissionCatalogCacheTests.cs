using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>Tab completion's permission and access level names: read once per short while, and never an exception at the prompt.</summary>
public class PermissionCatalogCacheTests
{
    [Fact]
    public void Names_AreReadOnce_WithinTheLifetime_ThenAgain()
    {
        var now = DateTimeOffset.UtcNow;
        var reads = 0;
        var cache = new PermissionCatalogCache(
            _ => { reads++; return Task.FromResult<IReadOnlyList<string>>(new[] { "Asset Management", "asset management" }); },
            _ => Task.FromResult<IReadOnlyList<string>>(new[] { "Read Only" }),
            () => now);

        var first = cache.PermissionNames();
        cache.PermissionNames();
        now += PermissionCatalogCache.Lifetime;
        cache.PermissionNames();

        Assert.Equal(new[] { "Asset Management" }, first);
        Assert.Equal(2, reads);
        Assert.Equal(new[] { "Read Only" }, cache.AccessLevelNames());
    }

    [Fact]
    public void AFailedRead_OffersNothing_AndIsTriedAgainNextTime()
    {
        var fail = true;
        var cache = new PermissionCatalogCache(
            _ => fail ? throw new InvalidOperationException("server down") : Task.FromResult<IReadOnlyList<string>>(new[] { "Asset Management" }),
            _ => Task.FromException<IReadOnlyList<string>>(new TimeoutException()));

        Assert.Empty(cache.PermissionNames());
        Assert.Empty(cache.AccessLevelNames());
        fail = false;
        Assert.Equal(new[] { "Asset Management" }, cache.PermissionNames());
    }
}
