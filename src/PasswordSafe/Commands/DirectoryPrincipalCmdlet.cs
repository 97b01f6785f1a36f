using System.Management.Automation;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// The ActiveDirectory and LDAP parameters that New-PSUser and New-PSUserGroup both take (api-v3 §6.5, §6.6),
/// declared once so the two directory sign-ups cannot drift apart; each cmdlet adds its own name and LDAP fields.
/// </summary>
public abstract class DirectoryPrincipalCmdlet : AdminCmdlet
{
    private protected const string BeyondInsightSet = "BeyondInsight";
    private protected const string ActiveDirectorySet = "ActiveDirectory";
    private protected const string LdapSet = "Ldap";

    [Parameter(ParameterSetName = ActiveDirectorySet, Mandatory = true)]
    public SwitchParameter ActiveDirectory { get; set; }

    [Parameter(ParameterSetName = ActiveDirectorySet, ValueFromPipelineByPropertyName = true)]
    public string? ForestName { get; set; }

    [Parameter(ParameterSetName = ActiveDirectorySet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string DomainName { get; set; } = string.Empty;

    [Parameter(ParameterSetName = LdapSet, Mandatory = true)]
    public SwitchParameter Ldap { get; set; }

    [Parameter(ParameterSetName = LdapSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string HostName { get; set; } = string.Empty;

    [Parameter(ParameterSetName = LdapSet, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    [EmptyIsNotGiven]
    public int Port { get; set; }

    /// <summary>The account that reads the directory (BindUser/BindPassword).</summary>
    [Parameter(ParameterSetName = ActiveDirectorySet)]
    [Parameter(ParameterSetName = LdapSet)]
    [Credential]
    public PSCredential? BindCredential { get; set; }

    [Parameter(ParameterSetName = ActiveDirectorySet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = LdapSet, ValueFromPipelineByPropertyName = true)]
    [BooleanText]
    public SwitchParameter UseSsl { get; set; }

    private protected string? BindUser => BindCredential?.UserName;

    private protected string? BindPassword => BindCredential == null ? null : SecureStringReader.ToPlainText(BindCredential.Password);

    /// <summary>The port only when given, so the server's default applies otherwise.</summary>
    private protected int? PortIfGiven => MyInvocation.BoundParameters.ContainsKey(nameof(Port)) ? Port : (int?)null;
}
