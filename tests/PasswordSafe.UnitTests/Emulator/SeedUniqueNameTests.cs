using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// A seed whose names clash, in any case, where the server keeps them unique would leave an object no name reaches: it is
/// refused with a <see cref="SeedException"/> naming both items by their place, and the emulator does not start.
/// </summary>
public class SeedUniqueNameTests
{
    // JSON with ` for " (InlineData strings stay on one line); R is an IP rule, K a well-formed key.
    private const string R = "`IPAuthenticationRules`: [ { `Value`: `127.0.0.1` } ]";
    private const string KeyA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string K = "`" + KeyA + "`";

    [Theory]
    [InlineData("{ `Users`: [ { `UserID`: 1, `UserName`: `a` }, { `UserID`: 2, `UserName`: `A` } ] }",
        "$.Users[1] 'A' has the same UserName as $.Users[0] 'a': user names are unique, any case.")]
    [InlineData("{ `ApiRegistrations`: [ { `Id`: 7, `Name`: `Ops`, `RegistrationType`: `ApiAccessPolicy`, " + R + " }, " +
                "{ `Id`: 1, `RegistrationType`: `ApiAccessPolicy`, " + R + " }, { `Id`: 2, `Name`: `OPS`, `RegistrationType`: `ApiAccessPolicy`, " + R + " } ] }",
        "$.ApiRegistrations[2] 'OPS' has the same Name as $.ApiRegistrations[0] 'Ops': registration names are unique, any case.")]
    [InlineData("{ `ApiRegistrations`: [ { `Id`: 1, `Name`: `one`, `Key`: " + K + ", " + R + " }, { `Id`: 2, `Name`: `two`, `Key`: " + K + ", " + R + " } ] }",
        "$.ApiRegistrations[1] 'two' has the same Key as $.ApiRegistrations[0] 'one': two registrations cannot share a key")]
    [InlineData("{ `Workgroups`: [ { `ID`: 1 } ], `ManagedSystems`: [ { `ManagedSystemID`: 1, `SystemName`: `s` }, { `ManagedSystemID`: 2, `SystemName`: `S`, `WorkgroupID`: 1 } ] }",
        "$.ManagedSystems[1] 'S' has the same SystemName as $.ManagedSystems[0] 's': system names are unique within a workgroup (here WorkgroupID 1), any case.")]
    [InlineData("{ `ManagedSystems`: [ { `ManagedSystemID`: 1, `SystemName`: `s` } ], `ManagedAccounts`: [ " +
                "{ `ManagedAccountID`: 1, `ManagedSystemID`: 1, `AccountName`: `acc`, `Password`: `p` }, { `ManagedAccountID`: 2, `ManagedSystemID`: 1, `AccountName`: `ACC`, `Password`: `p` } ] }",
        "$.ManagedAccounts[1] 'ACC' has the same AccountName as $.ManagedAccounts[0] 'acc': account names are unique on a system (here ManagedSystemID 1), any case.")]
    [InlineData("{ `UserGroups`: [ { `GroupID`: 1, `Name`: `g` }, { `GroupID`: 2, `Name`: `g` } ] }",
        "$.UserGroups[1] 'g' has the same Name as $.UserGroups[0] 'g': group names are unique, any case.")]
    [InlineData("{ `Workgroups`: [ { `ID`: 1, `Name`: `Lab` }, { `ID`: 2, `Name`: `lab` } ] }",
        "$.Workgroups[1] 'lab' has the same Name as $.Workgroups[0] 'Lab': workgroup names are unique, any case.")]
    [InlineData("{ `SmartRules`: [ { `SmartRuleID`: 1, `Title`: `All` }, { `SmartRuleID`: 2, `Title`: `ALL` } ] }",
        "$.SmartRules[1] 'ALL' has the same Title as $.SmartRules[0] 'All': smart rule titles are unique, any case.")]
    [InlineData("{ `Aliases`: [ { `AliasID`: 1, `AliasName`: `db` }, { `AliasID`: 2, `AliasName`: `DB` } ] }",
        "$.Aliases[1] 'DB' has the same AliasName as $.Aliases[0] 'db': alias names are unique, any case.")]
    [InlineData("{ `Users`: [ { `UserID`: 1, `UserName`: `jdoe`, `UserType`: `ActiveDirectory`, `DomainName`: `CONTOSO` }, { `UserID`: 2, `UserName`: `x` }, " +
                "{ `UserID`: 3, `UserName`: `JDOE`, `UserType`: `LDAP`, `DomainName`: `contoso` } ] }",
        "$.Users[2] 'JDOE' has the same DomainName and UserName as $.Users[0] 'jdoe': a directory user is unique by DOMAIN\\user, any case.")]
    [InlineData("{ `Users`: [ { `UserID`: 1, `UserName`: `jdoe`, `UserType`: `ActiveDirectory`, `UserPrincipalName`: `jdoe@contoso.test` }, " +
                "{ `UserID`: 2, `UserName`: `john`, `UserType`: `ActiveDirectory`, `UserPrincipalName`: `JDOE@contoso.test` } ] }",
        "$.Users[1] 'john' has the same UserPrincipalName as $.Users[0] 'jdoe': a UPN names one user, any case.")]
    [InlineData("{ `ApiRegistrations`: [ { `Id`: 3, `RegistrationType`: `ApiAccessPolicy`, " + R + " } ], `Users`: [ " +
                "{ `UserID`: 1, `UserName`: `bot1`, `UserType`: `Application`, `AccessPolicyID`: 3, `ClientID`: `dd10c1ae-368d-4c82-a721-f1cb06a68080` }, " +
                "{ `UserID`: 2, `UserName`: `bot2`, `UserType`: `Application`, `AccessPolicyID`: 3, `ClientID`: `DD10C1AE-368D-4C82-A721-F1CB06A68080` } ] }",
        "$.Users[1] 'bot2' has the same ClientID as $.Users[0] 'bot1': OAuth client ids are unique, any case")]
    public void ClashingNames_AreRefused_NamingBothItems(string json, string message)
    {
        var e = Assert.Throws<SeedException>(() => EmulatorState.FromSeed(EmulatorSeed.Parse(json.Replace('`', '"'))));

        Assert.Contains(message, e.Message);
        Assert.DoesNotContain(KeyA, e.Message);
    }

    [Theory]
    // A BeyondInsight 'jdoe' and CONTOSO\jdoe sign in by different names; so do directory users of two domains.
    [InlineData("{ `Users`: [ { `UserID`: 1, `UserName`: `jdoe` }, { `UserID`: 2, `UserName`: `jdoe`, `UserType`: `ActiveDirectory`, `DomainName`: `CONTOSO` }, " +
                "{ `UserID`: 3, `UserName`: `jdoe`, `UserType`: `ActiveDirectory`, `DomainName`: `FABRIKAM` } ] }")]
    // Systems of two workgroups and accounts of two systems may share a name, as the API allows.
    [InlineData("{ `Workgroups`: [ { `ID`: 1, `Name`: `a` }, { `ID`: 2, `Name`: `b` } ], " +
                "`ManagedSystems`: [ { `ManagedSystemID`: 1, `SystemName`: `s`, `WorkgroupID`: 1 }, { `ManagedSystemID`: 2, `SystemName`: `s`, `WorkgroupID`: 2 } ], " +
                "`ManagedAccounts`: [ { `ManagedAccountID`: 1, `ManagedSystemID`: 1, `AccountName`: `root`, `Password`: `p` }, " +
                "{ `ManagedAccountID`: 2, `ManagedSystemID`: 2, `AccountName`: `root`, `Password`: `p` } ] }")]
    // Unnamed items take names from their ids.
    [InlineData("{ `UserGroups`: [ { `GroupID`: 1 }, { `GroupID`: 2 } ] }")]
    public void NamesThatDoNotClash_AreAccepted(string json) => EmulatorState.FromSeed(EmulatorSeed.Parse(json.Replace('`', '"')));

    [Fact]
    public async Task ASeedWithClashingNames_StopsTheStart()
    {
        var seed = EmulatorSeed.LoadDemo();
        seed.UserGroups.Add(new SeedUserGroup { GroupID = 99, Name = seed.UserGroups[0].Name!.ToUpperInvariant() });

        var e = await Assert.ThrowsAsync<SeedException>(() => EmulatorServer.StartAsync(new EmulatorOptions { Seed = seed }));

        Assert.Contains($"'{seed.UserGroups[0].Name!.ToUpperInvariant()}' has the same Name as $.UserGroups[0] '{seed.UserGroups[0].Name}'", e.Message);
    }

    [Fact]
    public void TheDemoSeed_HasNoClash() => EmulatorState.FromSeed(EmulatorSeed.LoadDemo());
}
