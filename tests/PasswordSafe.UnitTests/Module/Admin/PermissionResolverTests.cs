using System.Collections.Generic;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>
/// Permission names and access levels as administrators type them, resolved against the server's lists (never against
/// ids the module knows): names in any case or without spaces, the console's level names for the listed ones, ids as digits.
/// </summary>
public class PermissionResolverTests
{
    private static readonly IReadOnlyList<Permission> Catalogue = new[]
    {
        new Permission { PermissionId = 1, Name = "Asset Management" },
        new Permission { PermissionId = 4, Name = "User Accounts Management" },
        new Permission { PermissionId = 6, Name = "Smart Rule Management - Managed Account" },
    };

    // The emulator's names; a real server may list Full Control as Read/Write (or the other way round) and other ids.
    private static readonly IReadOnlyList<AccessLevel> EmulatorLevels = new[]
    {
        new AccessLevel { AccessLevelId = 1, Name = "Read Only" },
        new AccessLevel { AccessLevelId = 2, Name = "Read/Write" },
    };

    private static readonly IReadOnlyList<AccessLevel> ConsoleNamedLevels = new[]
    {
        new AccessLevel { AccessLevelId = 0, Name = "No Access" },
        new AccessLevel { AccessLevelId = 1, Name = "Read" },
        new AccessLevel { AccessLevelId = 3, Name = "Full Control" },
    };

    [Theory]
    [InlineData("User Accounts Management", 4)]
    [InlineData("  user accounts management ", 4)]
    [InlineData("UserAccountsManagement", 4)]
    [InlineData("smart rule management managed account", 6)]
    public void PermissionNames_MatchInAnyCaseOrWithoutPunctuation(string typed, int id) =>
        Assert.Equal(id, PermissionResolver.FindPermission(typed, Catalogue)!.PermissionId);

    [Fact]
    public void UnknownPermissionName_IsObjectNotFound_SuggestingListedNamesThatContainIt()
    {
        Assert.Null(PermissionResolver.FindPermission("Account*", Catalogue));

        var error = PermissionResolver.UnknownPermission("Accounts", Catalogue);

        Assert.Equal("ObjectNotFound", error.ErrorId);
        Assert.Contains("'Accounts'", error.Message);
        Assert.StartsWith("Did you mean 'User Accounts Management'?", error.RecommendedAction);
        Assert.Equal("ObjectNotFound", PermissionResolver.UnknownPermission(77).ErrorId);
    }

    [Theory]
    [InlineData("Read Only", 1)]
    [InlineData("readonly", 1)]
    [InlineData("Read", 1)]
    [InlineData("Read/Write", 2)]
    [InlineData("Full Control", 2)]
    [InlineData("full", 2)]
    [InlineData("2", 2)]
    public void AccessLevels_ByListedName_ConsoleName_OrId_OnTheEmulatorsList(string typed, int id) =>
        Assert.Equal(id, PermissionResolver.ResolveLevel(typed, EmulatorLevels).AccessLevelId);

    [Theory]
    [InlineData("Full Control", 3)]
    [InlineData("Read/Write", 3)]
    [InlineData("Read Only", 1)]
    [InlineData("No Access", 0)]
    [InlineData("3", 3)]
    public void AccessLevels_OnAServerThatListsTheConsolesNames_AndOtherIds(string typed, int id) =>
        Assert.Equal(id, PermissionResolver.ResolveLevel(typed, ConsoleNamedLevels).AccessLevelId);

    [Theory]
    [InlineData("Admin")]
    [InlineData("7")]
    [InlineData("")]
    public void UnknownAccessLevel_IsValidationFailed_ListingTheServersLevels(string typed)
    {
        var error = Assert.Throws<PasswordSafeException>(() => PermissionResolver.ResolveLevel(typed, EmulatorLevels));

        Assert.Equal("ValidationFailed", error.ErrorId);
        Assert.Contains("'Read Only' (1), 'Read/Write' (2)", error.RecommendedAction);
    }

    [Fact]
    public void Names_ForMessages_FallBackToIds_WhenTheServerDoesNotListThem()
    {
        Assert.Equal("'Asset Management'", PermissionResolver.PermissionText(1, Catalogue));
        Assert.Equal("permission 12", PermissionResolver.PermissionText(12, Catalogue));
        Assert.Equal("Read/Write", PermissionResolver.LevelName(2, EmulatorLevels));
        Assert.Equal("5", PermissionResolver.LevelName(5, EmulatorLevels));
    }
}
