using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using PasswordSafe.Commands;
using PasswordSafe.UnitTests.Module.Admin;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Commands;

/// <summary>
/// The table of module objects each state-changing admin cmdlet takes from the pipeline (AcceptedPipedObjects): it covers
/// every such cmdlet, takes what each help page documents as input, never takes an object that belongs to another (a
/// request, a session, a group's permission grant or roles, a test result) where that object's id is its owner's, and no
/// module object outside it reaches the server: each piped into each cmdlet, with every id it carries set, sends nothing.
/// </summary>
public class AcceptedPipedObjectsTests
{
    /// <summary>The verbs of the admin cmdlets that change or remove what an id names.</summary>
    private static readonly string[] ChangingVerbs = { "Remove", "Set", "Grant", "Revoke", "Reset", "Block", "Add", "Start" };

    /// <summary>What each cmdlet needs typed besides what the pipeline gives, so that only the piped object decides.</summary>
    private static readonly Dictionary<string, string> TypedArguments = new Dictionary<string, string>
    {
        ["Grant-PSUserGroupPermission"] = "-Permission 'Asset Management' -AccessLevel 'Read Only'",
        ["Revoke-PSUserGroupPermission"] = "-All",
        ["Grant-PSUserGroupRole"] = "-SmartRuleId 1 -RoleId 4",
        ["Revoke-PSUserGroupRole"] = "-SmartRuleId 1 -All",
        ["Add-PSUserGroupMember"] = "-GroupId 1",
        ["Remove-PSUserGroupMember"] = "-GroupId 1",
        ["Set-PSUser"] = "-FirstName 'Changed'",
        ["Set-PSManagedAccount"] = "-Description 'changed'",
        ["Set-PSManagedSystem"] = "-Description 'changed'",
        ["Set-PSAsset"] = "-Description 'changed'",
        ["Set-PSApiRegistration"] = "-Name 'changed'",
    };

    public static TheoryData<string> TableCmdlets()
    {
        var data = new TheoryData<string>();
        foreach (var cmdlet in AcceptedPipedObjects.Cmdlets.OrderBy(t => t.Name))
        {
            data.Add(cmdlet.Name);
        }

        return data;
    }

    [Fact]
    public void EveryStateChangingAdminCmdlet_IsInTheTable()
    {
        var changing = typeof(AdminCmdlet).Assembly.GetTypes()
            .Where(t => typeof(AdminCmdlet).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => ChangingVerbs.Contains(t.GetCustomAttribute<CmdletAttribute>()!.VerbName))
            .Select(t => t.Name)
            .OrderBy(n => n)
            .ToList();

        Assert.Equal(changing, AcceptedPipedObjects.Cmdlets.Select(t => t.Name).OrderBy(n => n).ToList());
        Assert.Contains("RemovePSUserGroupCommand", changing);
        Assert.Equal(22, changing.Count);
    }

    [Theory]
    [MemberData(nameof(TableCmdlets))]
    public void EachCmdlet_TakesTheModuleTypesItsHelpPageDocumentsAsInput(string cmdletTypeName)
    {
        var type = CmdletType(cmdletTypeName);
        var documented = DocumentedInputs(CmdletName(type));

        Assert.NotEmpty(documented);
        Assert.All(documented, t => Assert.Contains(t, AcceptedPipedObjects.For(type)!.Accepted));
    }

    [Fact]
    public void ObjectsThatBelongToAnother_AreTakenOnlyWhereTheyAreMeant()
    {
        var takers = new Dictionary<Type, string[]>
        {
            [typeof(Request)] = new string[0],
            [typeof(RequestSet)] = new string[0],
            [typeof(AccessSession)] = new string[0],
            [typeof(AccessSessionInfo)] = new string[0],
            [typeof(ManagedAccountAliasMapping)] = new string[0],
            [typeof(PsrunRule)] = new string[0],
            [typeof(UserGroupPermission)] = new[] { "GrantPSUserGroupPermissionCommand", "RevokePSUserGroupPermissionCommand" },
            [typeof(SmartRuleRoleGrant)] = new[] { "GrantPSUserGroupRoleCommand", "RevokePSUserGroupRoleCommand" },
            [typeof(CredentialTestResult)] = new[] { "SetPSManagedAccountCredentialCommand", "StartPSManagedAccountPasswordChangeCommand" },
            [typeof(ApiRegistrationKey)] = new[] { "ResetPSApiRegistrationKeyCommand" },
        };

        foreach (var (child, meant) in takers)
        {
            var taking = AcceptedPipedObjects.Cmdlets.Where(c => AcceptedPipedObjects.For(c)!.Accepted.Contains(child.FullName!)).Select(c => c.Name);
            Assert.Equal(meant.OrderBy(n => n), taking.OrderBy(n => n));
        }
    }

    [Fact]
    public void EveryPublicOutputType_HasWordsOfItsOwn()
    {
        var outputTypes = ModuleObjectTypes().Select(t => t.FullName!).ToList();

        Assert.Contains("PasswordSafe.UserGroupPermission", outputTypes);
        Assert.All(outputTypes, t => Assert.True(PipedObjectKind.IsListed(t), t + " has no words in PipedObjectKind"));
        Assert.Equal("an object of type PasswordSafe.Unknown", PipedObjectKind.Of("PasswordSafe.Unknown").Phrase);
    }

    [Fact]
    public void ModuleTypeName_LiveAndDeserializedObjectsAreTheirType_RowsAndOtherObjectsAreNone()
    {
        var grant = new PSObject(new UserGroupPermission { GroupId = 5 });
        var deserialized = (PSObject)PSSerializer.Deserialize(PSSerializer.Serialize(new UserGroupPermission { GroupId = 5 }));
        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty("GroupId", 5));

        Assert.Equal("PasswordSafe.UserGroupPermission", AcceptedPipedObjects.ModuleTypeName(grant));
        Assert.Equal("PasswordSafe.UserGroupPermission", AcceptedPipedObjects.ModuleTypeName(deserialized));
        Assert.Null(AcceptedPipedObjects.ModuleTypeName(row));
        Assert.Null(AcceptedPipedObjects.ModuleTypeName(new PSObject("text")));
        Assert.Null(AcceptedPipedObjects.ModuleTypeName(new PSObject(new FileInfo("x.csv"))));
    }

    [Fact]
    public void TargetNames_FromTheResultObjectsThatCarryThem_OnlyForTheirOwnId()
    {
        var tested = new CredentialTestResult { AccountId = 2, AccountName = "sa", SystemName = "db01", SystemId = 2 };
        var unnamedSystem = new CredentialTestResult { AccountId = 2, AccountName = "sa" };
        var key = new ApiRegistrationKey { RegistrationId = 1, Name = "Plain key" };
        var roles = new SmartRuleRoleGrant { GroupId = 3, SmartRuleId = 1, Title = "Servers" };

        Assert.Equal("managed account 2 (db01\\sa)", PipedTargetName.ManagedAccountTarget(tested, 2));
        Assert.Equal("managed account 2 (sa)", PipedTargetName.ManagedAccountTarget(unnamedSystem, 2));
        Assert.Equal("managed account 3", PipedTargetName.ManagedAccountTarget(tested, 3));
        Assert.Equal("API registration 1 (Plain key)", PipedTargetName.ApiRegistrationTarget(key, 1));
        Assert.Equal("smart rule 1 (Servers)", PipedTargetName.SmartRuleTarget(roles, 1));
        Assert.Equal("smart rule 2", PipedTargetName.SmartRuleTarget(roles, 2));
        Assert.Equal("smart rule 1 (Linux)", PipedTargetName.SmartRuleTarget(new SmartRule { SmartRuleId = 1, Title = "Linux" }, 1));
    }

    /// <summary>
    /// Every module object the cmdlet does not take, with every id it carries set to 1, piped in with -Confirm:$false:
    /// nothing reaches the server (before the table, a request removed its account, a permission grant its group), and
    /// where the object bound an id the error is the table's InputNotUsable naming the object.
    /// </summary>
    [Theory]
    [MemberData(nameof(TableCmdlets))]
    public void NoModuleObjectOutsideTheTable_ReachesTheServer(string cmdletTypeName)
    {
        var type = CmdletType(cmdletTypeName);
        var entry = AcceptedPipedObjects.For(type)!;
        var command = CmdletName(type);
        var server = new FakeAdminServer();
        using var ps = new AdminRunspace(server);
        var refusedByTheTable = 0;

        foreach (var objectType in ModuleObjectTypes().Where(t => !entry.Accepted.Contains(t.FullName!)))
        {
            var before = server.Handler.Requests.Count;
            var (_, shell) = ps.Run($"$args[0] | {command} {TypedArguments.GetValueOrDefault(command)} -Confirm:$false", WithIds(objectType, ps));
            using (shell)
            {
                Assert.True(server.Handler.Requests.Count == before, $"{objectType.Name} | {command} sent {server.Handler.Requests.Last().Method} {FakeAdminServer.Relative(server.Handler.Requests.Last())}");
                Assert.NotEmpty(shell.Streams.Error);
                var ours = shell.Streams.Error.Where(e => e.Exception.Message.StartsWith("The piped " + objectType.FullName, StringComparison.Ordinal)).ToList();
                Assert.All(ours, e => Assert.StartsWith("InputNotUsable,", e.FullyQualifiedErrorId));
                refusedByTheTable += ours.Count;
            }
        }

        // The children the repros named are among them for each cmdlet whose id they carry.
        Assert.True(refusedByTheTable > 0, command + " refused nothing itself");
    }

    /// <summary>Each type the cmdlet takes still gets past the table (the cmdlet then does its work or fails at the fake server).</summary>
    [Theory]
    [MemberData(nameof(TableCmdlets))]
    public void EveryAcceptedType_GetsPastTheTable(string cmdletTypeName)
    {
        var type = CmdletType(cmdletTypeName);
        var command = CmdletName(type);
        using var ps = new AdminRunspace(new FakeAdminServer());

        foreach (var objectType in ModuleObjectTypes().Where(t => AcceptedPipedObjects.For(type)!.Accepted.Contains(t.FullName!)))
        {
            var (_, shell) = ps.Run($"$args[0] | {command} {TypedArguments.GetValueOrDefault(command)} -WhatIf", WithIds(objectType, ps));
            using (shell)
            {
                Assert.DoesNotContain(shell.Streams.Error, e => e.Exception.Message.StartsWith("The piped ", StringComparison.Ordinal));
            }
        }
    }

    /// <summary>The module's public output types (the PasswordSafe namespace), a session aside: it gives only itself.</summary>
    private static IEnumerable<Type> ModuleObjectTypes() =>
        typeof(AdminCmdlet).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "PasswordSafe" && t.IsClass && !t.IsAbstract && t != typeof(PasswordSafeSession))
            .OrderBy(t => t.Name);

    /// <summary>An instance with every id property set to 1 and the runspace's session, as if the server had written it.</summary>
    private static object WithIds(Type type, AdminRunspace ps)
    {
        var instance = Activator.CreateInstance(type, nonPublic: true)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod != null))
        {
            if (property.Name.EndsWith("Id", StringComparison.Ordinal) && (property.PropertyType == typeof(int) || property.PropertyType == typeof(int?)))
            {
                property.SetValue(instance, 1);
            }
            else if (property.PropertyType == typeof(PasswordSafeSession))
            {
                property.SetValue(instance, ps.Session);
            }
        }

        return instance;
    }

    private static Type CmdletType(string name) => AcceptedPipedObjects.Cmdlets.Single(t => t.Name == name);

    private static string CmdletName(Type type)
    {
        var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
        return attribute.VerbName + "-" + attribute.NounName;
    }

    /// <summary>The module types named under INPUTS in the cmdlet's help page.</summary>
    private static List<string> DocumentedInputs(string cmdlet)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "en-US", cmdlet + ".md"));
        var inputs = page.Substring(page.IndexOf("## INPUTS", StringComparison.Ordinal));
        inputs = inputs.Substring(0, inputs.IndexOf("## OUTPUTS", StringComparison.Ordinal));
        return Regex.Matches(inputs, @"PasswordSafe\.[A-Za-z]+").Select(m => m.Value)
            .Where(t => t != typeof(PasswordSafeSession).FullName).Distinct().ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PasswordSafe.psd1")) && Directory.Exists(Path.Combine(dir.FullName, "en-US")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
