using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using PasswordSafe.Commands;
using Xunit;

namespace PasswordSafe.UnitTests.Module.Commands;

/// <summary>
/// The inventory of name parameters: every cmdlet parameter that takes a name or title as text either completes (a
/// completer, or [ValidateSet]) or is listed here as the name of a new object, a new value, or text no listing offers.
/// A new cmdlet's name parameter fails this until it is given a completer (ServerNameCompleter) or a reason.
/// </summary>
public class NameParameterCompletionInventoryTests
{
    private static readonly Regex NameParameter = new Regex("(Name|Title)$|^Role$");

    /// <summary>Declaring type and parameter, and why Tab offers nothing there.</summary>
    private static readonly Dictionary<string, string> NotCompleted = new Dictionary<string, string>
    {
        ["AssetSettingsCmdlet.AssetName"] = "the asset's own name, new or changed",
        ["AssetSettingsCmdlet.DnsName"] = "the asset's own DNS name",
        ["AssetSettingsCmdlet.DomainName"] = "the asset's own domain",
        ["DirectoryPrincipalCmdlet.ForestName"] = "a directory fact, not a Password Safe object",
        ["DirectoryPrincipalCmdlet.DomainName"] = "a directory fact, not a Password Safe object",
        ["DirectoryPrincipalCmdlet.HostName"] = "an LDAP server, not a Password Safe object",
        ["ManagedAccountSettingsCmdlet.DomainName"] = "the account's own domain",
        ["ManagedAccountSettingsCmdlet.UserPrincipalName"] = "the account's own UPN",
        ["ManagedAccountSettingsCmdlet.SamAccountName"] = "the account's own SAM name",
        ["ManagedAccountSettingsCmdlet.DistinguishedName"] = "the account's own DN",
        ["GetPSManagedAccountCommand.ApplicationDisplayName"] = "the module reads no application list",
        ["GetPSIsaCredentialCommand.UserName"] = "the PSCredential's user name, free text",
        ["UsePSCredentialCommand.UserName"] = "the PSCredential's user name, free text",
        ["NewPSAdminSessionCommand.HostName"] = "any host, not a Password Safe object",
        ["NewPSAdminSessionCommand.DomainName"] = "the credential's domain, free text",
        ["NewPSApiRegistrationCommand.Name"] = "the new registration's name",
        ["SetPSApiRegistrationCommand.Name"] = "the registration's new name",
        ["NewPSUserGroupCommand.Name"] = "the new group's name",
        ["NewPSUserGroupCommand.GroupDistinguishedName"] = "a directory group, not a Password Safe object",
        ["NewPSWorkgroupCommand.Name"] = "the new workgroup's name",
        ["NewPSQuickRuleCommand.Title"] = "the new rule's title",
        ["NewPSManagedAccountCommand.AccountName"] = "the new account's name",
        ["SetPSManagedAccountCommand.AccountName"] = "the account's new name",
        ["NewPSUserCommand.UserName"] = "the new user's name",
        ["NewPSUserCommand.FirstName"] = "the new user's own",
        ["NewPSUserCommand.LastName"] = "the new user's own",
        ["NewPSUserCommand.DistinguishedName"] = "a directory user, not a Password Safe object",
        ["SetPSUserCommand.UserName"] = "the user's new name",
        ["SetPSUserCommand.FirstName"] = "the user's new first name",
        ["SetPSUserCommand.LastName"] = "the user's new last name",
    };

    private static IEnumerable<(string Cmdlet, string Key, PropertyInfo Property)> NameParameters() =>
        from type in typeof(PasswordSafeCmdlet).Assembly.GetTypes()
        let cmdlet = type.GetCustomAttribute<CmdletAttribute>()
        where cmdlet != null && !type.IsAbstract
        from property in type.GetProperties()
        where property.GetCustomAttributes<ParameterAttribute>().Any()
              && (property.PropertyType == typeof(string) || property.PropertyType == typeof(string[]))
              && NameParameter.IsMatch(property.Name)
        select (cmdlet.VerbName + "-" + cmdlet.NounName, property.DeclaringType!.Name + "." + property.Name, property);

    [Fact]
    public void EveryNameParameter_CompletesOrSaysWhyNot()
    {
        var missing = NameParameters()
            .Where(p => p.Property.GetCustomAttribute<ArgumentCompleterAttribute>() == null
                        && p.Property.GetCustomAttribute<ValidateSetAttribute>() == null
                        && !NotCompleted.ContainsKey(p.Key))
            .Select(p => $"{p.Cmdlet} -{p.Property.Name} ({p.Key})")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "Name parameters without completion or a reason: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryReasonNamesAParameterThatExists_AndDoesNotComplete()
    {
        var parameters = NameParameters().ToList();

        foreach (var key in NotCompleted.Keys)
        {
            var found = parameters.Where(p => p.Key == key).ToList();
            Assert.True(found.Count > 0, key + " is no name parameter of any cmdlet now: remove it from the list.");
            Assert.Null(found[0].Property.GetCustomAttribute<ArgumentCompleterAttribute>());
        }
    }

    [Theory]
    [InlineData("Get-PSWorkgroup", "Name", typeof(ServerNameCompleter<WorkgroupNameList>))]
    [InlineData("New-PSAsset", "WorkgroupName", typeof(ServerNameCompleter<WorkgroupNameList>))]
    [InlineData("Get-PSAsset", "Name", typeof(ServerNameCompleter<AssetNameList>))]
    [InlineData("Grant-PSUserGroupRole", "Role", typeof(ServerNameCompleter<RoleNameList>))]
    [InlineData("Revoke-PSUserGroupRole", "Role", typeof(ServerNameCompleter<RoleNameList>))]
    [InlineData("Get-PSUser", "UserName", typeof(ServerNameCompleter<UserNameList>))]
    [InlineData("Get-PSManagedSystem", "Name", typeof(ServerNameCompleter<ManagedSystemNameList>))]
    public void NameParameters_CompleteFromTheListOfTheirKind(string cmdlet, string parameter, System.Type completer)
    {
        var found = NameParameters().Single(p => p.Cmdlet == cmdlet && p.Property.Name == parameter);

        Assert.Equal(completer, found.Property.GetCustomAttribute<ArgumentCompleterAttribute>()!.Type);
    }
}
