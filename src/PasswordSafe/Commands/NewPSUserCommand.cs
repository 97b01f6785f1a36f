using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Creates a user (api-v3 §6.6): BeyondInsight (with a password), ActiveDirectory, LDAP, or an application
/// user bound to an API access policy (spec C2), whose client id and secret come back once in ClientCredential.
/// </summary>
[Cmdlet(VerbsCommon.New, "PSUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = BeyondInsightSet)]
[OutputType(typeof(User))]
public sealed class NewPSUserCommand : DirectoryPrincipalCmdlet
{
    private const string ApplicationSet = "Application";

    [Parameter(ParameterSetName = BeyondInsightSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ActiveDirectorySet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ApplicationSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string UserName { get; set; } = string.Empty;

    [Parameter(ParameterSetName = BeyondInsightSet, ValueFromPipelineByPropertyName = true)]
    public string? FirstName { get; set; }

    [Parameter(ParameterSetName = BeyondInsightSet, ValueFromPipelineByPropertyName = true)]
    public string? LastName { get; set; }

    [Parameter(ParameterSetName = BeyondInsightSet, ValueFromPipelineByPropertyName = true)]
    public string? EmailAddress { get; set; }

    // Required, but checked here rather than by PowerShell: a CSV row's Password column is text, which PowerShell
    // cannot bind to a SecureString, and its own "mandatory parameter missing" error would name the wrong cause and
    // keep the row, password and all, in $Error. The module's row check names the column instead (target: its name).
    [Parameter(ParameterSetName = BeyondInsightSet, ValueFromPipelineByPropertyName = true)]
    public SecureString? Password { get; set; }

    [Parameter(ParameterSetName = LdapSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string DistinguishedName { get; set; } = string.Empty;

    [Parameter(ParameterSetName = LdapSet, ValueFromPipelineByPropertyName = true)]
    public string? AccountNameAttribute { get; set; }

    [Parameter(ParameterSetName = ApplicationSet, Mandatory = true)]
    public SwitchParameter ApplicationUser { get; set; }

    /// <summary>The API access policy registration (C2); a piped ApiRegistration binds by its RegistrationId.</summary>
    [Parameter(ParameterSetName = ApplicationSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("RegistrationId")]
    public int AccessPolicyId { get; set; }

    /// <summary>A piped API registration gives its id (the access policy); a piped user's values are its own.</summary>
    internal override IReadOnlyCollection<string>? ObjectKeyParameters { get; } = new[] { nameof(AccessPolicyId) };

    protected override void ProcessItem()
    {
        var displayName = ParameterSetName == LdapSet ? DistinguishedName : UserName;
        TryItem(() =>
        {
            var body = BuildBody();
            if (!ShouldProcess($"{ParameterSetName} user '{displayName}'", "Create"))
            {
                return;
            }

            var service = new UserService(Connect());
            var issued = RunOnceOnly((log, token) => service.CreateAsync(body, displayName, log, token), out var callLog);
            var user = issued.User;
            if (issued.ClientSecret != null)
            {
                user.ClientCredential = new PSCredential(user.ClientId ?? user.UserName ?? displayName, issued.ClientSecret);
                callLog.Verbose($"Created {ParameterSetName} user '{user.UserName}' (id {Id(user.UserId)}).");
                WriteOnceOnlyResult(user, $"Store the client secret of '{user.UserName}' now (ClientCredential): the server shows it only this once.", callLog);
            }
            else
            {
                WriteLog(callLog);
                WriteVerbose($"Created {ParameterSetName} user '{user.UserName}' (id {Id(user.UserId)}).");
                WriteObject(user);
            }
        }, displayName);
    }

    private string BuildBody()
    {
        switch (ParameterSetName)
        {
            case ActiveDirectorySet:
                return UserBody.ForActiveDirectory(UserName, ForestName, DomainName, BindUser, BindPassword, UseSsl);
            case LdapSet:
                return UserBody.ForLdap(HostName, DistinguishedName, AccountNameAttribute, BindUser, BindPassword, PortIfGiven, UseSsl);
            case ApplicationSet:
                return UserBody.ForApplication(UserName, AccessPolicyId);
            default:
                if (Password == null)
                {
                    throw new PasswordSafeException(ErrorIds.ValidationFailed,
                        $"A BeyondInsight user needs a password: '{UserName}' was not created.",
                        "Pass -Password (for example from Read-Host -AsSecureString), or -ActiveDirectory, -Ldap or -ApplicationUser for a user that signs in elsewhere.");
                }

                return UserBody.ForBeyondInsight(UserName, FirstName, LastName, EmailAddress, SecureStringReader.ToPlainText(Password) ?? string.Empty);
        }
    }
}
