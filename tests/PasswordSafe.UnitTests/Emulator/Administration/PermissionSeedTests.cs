using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Administration;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>Seed <c>UserGroups[].Permissions</c>: feature permissions by id or name, Read Only or Read/Write.</summary>
public class PermissionSeedTests
{
    private static string Seed(string permissions) => $$"""
        {
          "ApiRegistrations": [ { "Id": 1, "Name": "k", "RegistrationType": "ApiKeyPolicy", "IPAuthenticationRules": [ { "Value": "127.0.0.1" } ] } ],
          "Users": [ { "UserID": 1, "UserName": "ops", "Password": "x" }, { "UserID": 2, "UserName": "boss", "Password": "y" } ],
          "UserGroups": [
            { "GroupID": 1, "Name": "Ops", "Members": [1], "ApplicationRegistrationIDs": [1], "Permissions": {{permissions}} },
            { "GroupID": 2, "Name": "Admins", "Administrator": true, "Members": [2] } ]
        }
        """;

    [Fact]
    public void PermissionsAreSeededByIdOrNameAndReadWriteIsTheDefault()
    {
        var state = EmulatorState.FromSeed(EmulatorSeed.Parse(Seed(
            """[ { "Name": "asset management" }, { "PermissionID": 3, "AccessLevelID": 1 } ]""")));
        Assert.True(state.HasPermission(1, Permissions.AssetManagement, write: true));
        Assert.True(state.HasPermission(1, Permissions.PasswordSafeSystemManagement, write: false));
        Assert.False(state.HasPermission(1, Permissions.PasswordSafeSystemManagement, write: true));
        Assert.False(state.HasPermission(1, Permissions.UserAccountsManagement, write: false));
        // Administrator groups hold every permission without listing any.
        foreach (var permission in Permissions.All) Assert.True(state.HasPermission(2, permission.PermissionID, write: true));
    }

    [Theory]
    [InlineData("""[ { "Name": "Everything" } ]""", "PermissionID")]
    [InlineData("""[ { "PermissionID": 42 } ]""", "PermissionID")]
    [InlineData("""[ { "PermissionID": 1, "AccessLevelID": 7 } ]""", "AccessLevelID")]
    public void AnUnknownPermissionOrLevelIsASeedErrorThatSaysWhatToUse(string permissions, string mentions)
    {
        var e = Assert.Throws<SeedException>(() => EmulatorState.FromSeed(EmulatorSeed.Parse(Seed(permissions))));
        Assert.StartsWith("seed JSON, line 5: $.UserGroups[0] 'Ops': ", e.Message);
        Assert.Contains(mentions, e.Message);
    }
}
