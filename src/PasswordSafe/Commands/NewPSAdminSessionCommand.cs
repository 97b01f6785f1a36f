using System;
using System.Management.Automation;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Opens an admin session (api-v3 §5.1, <c>POST Sessions/Admin</c>): a proxied SSH or RDP session to any host, logged on
/// with the credential given here rather than a managed account, so there is no request to approve or check in. Needs
/// the "Password Safe Admin Session" feature permission. The answer is a ticket like New-PSAccessSession's, or for
/// rdpfile the .rdp file saved to -OutFile. An admin cmdlet, not a checkout one: the server guards it with a feature
/// permission (as administration calls are), not a role on an account's smart rule, and nothing resolves an account.
/// </summary>
[Cmdlet(VerbsCommon.New, "PSAdminSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AccessSession))]
public sealed class NewPSAdminSessionCommand : AdminCmdlet
{
    /// <summary>The name or IP address of the host; piped objects bind by HostName (alias ComputerName).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ComputerName")]
    [ValidateNotNullOrEmpty]
    public string HostName { get; set; } = string.Empty;

    /// <summary>The session types the API offers for admin sessions: no app/appfile, there is no application.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateSet("SSH", "sshticket", "RDP", "rdpticket", "rdpfile", IgnoreCase = true)]
    public string SessionType { get; set; } = string.Empty;

    /// <summary>The host's own SSH or RDP port; left out, the server's configured default applies.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int? Port { get; set; }

    /// <summary>The account to log on to the host with; <c>DOMAIN\user</c> and <c>user@domain</c> are split into domain and user.</summary>
    [Parameter(Mandatory = true)]
    [Credential]
    [ValidateNotNull]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    /// <summary>Sent as given; the credential's user name is then sent exactly as typed.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? DomainName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateLength(0, 1000)]
    public string? Reason { get; set; }

    /// <summary>RDP only: <c>1024x768</c>, <c>Maximized</c>…; left out, the server's configured resolution applies.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Resolution { get; set; }

    /// <summary>RDP only: a Remote Administration session (<c>mstsc /admin</c>).</summary>
    [Parameter]
    public SwitchParameter RdpAdminSwitch { get; set; }

    /// <summary>RDP only: smart sizing in the .rdp file.</summary>
    [Parameter]
    public SwitchParameter SmartSizing { get; set; }

    /// <summary>-Record or -Record:$false; left out, the server decides.</summary>
    [Parameter]
    public SwitchParameter Record { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NodeId { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    protected override void ProcessItem()
    {
        var client = Connect();
        var target = HostName;
        try
        {
            if (string.IsNullOrWhiteSpace(HostName))
            {
                throw AdminErrors.Invalid("The host name is blank.", "Pass -HostName with the name or IP address of the host to connect to.");
            }

            SessionFileWriter.EnsureOutFileFits(SessionType, OutFile, "rdpfile");
            var spec = BuildSpec();
            if (!ShouldProcess(HostName, $"Open an admin {SessionType} session as {spec.LogOnName}"))
            {
                return;
            }

            // Ready before the call: a bad -OutFile fails with no session left behind on the server.
            using var file = SessionFileWriter.IsFileType(SessionType) ? SessionFileWriter.Prepare(this, OutFile!) : null;
            var response = Run((log, token) => new AdminSessionService(client).CreateAsync(spec, log, token));
            var session = SessionFileWriter.ToAccessSession(response, SessionType, file, SessionFileWriter.EndListedSession);
            session.TargetHost = spec.HostName;
            session.Session = client.Session;
            WriteObject(session);
        }
        catch (PasswordSafeException e)
        {
            WriteError(CreateErrorRecord(e, target));
        }
    }

    private AdminSessionSpec BuildSpec()
    {
        var credential = Credential.GetNetworkCredential();
        var (domain, user) = HostUserName.Split(Credential.UserName, DomainName);
        if (string.IsNullOrWhiteSpace(user))
        {
            throw AdminErrors.Invalid("The credential has no user name.", "Pass -Credential with the user name and password to log on to the host with.");
        }

        return new AdminSessionSpec
        {
            SessionType = SessionType,
            HostName = HostName.Trim(),
            Port = Port,
            DomainName = domain,
            UserName = user,
            Password = credential.Password,
            Reason = Reason,
            Resolution = Resolution,
            RdpAdminSwitch = Flag(nameof(RdpAdminSwitch)),
            SmartSizing = Flag(nameof(SmartSizing)),
            Record = Flag(nameof(Record)),
            NodeId = NodeId,
        };
    }

    /// <summary>A switch the user gave (also as <c>-Name:$false</c>); null when left out, so the server's default applies.</summary>
    private bool? Flag(string name) =>
        MyInvocation.BoundParameters.TryGetValue(name, out var value) ? ((SwitchParameter)value).ToBool() : (bool?)null;
}
