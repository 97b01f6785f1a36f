using System.Management.Automation;
using System.Security;
using PasswordSafe.Admin;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Reads an API registration's key (spec A6; the server audits the read). Output is a SecureString for
/// Connect-PasswordSafe -ApiKey, or plain text only with -AsPlainText; with -Detailed an ApiRegistrationKey per
/// registration (id, name, key), so the keys of several registrations can be told apart.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSApiRegistrationKey")]
[OutputType(typeof(SecureString), typeof(string), typeof(ApiRegistrationKey))]
public sealed class GetPSApiRegistrationKeyCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] RegistrationId { get; set; } = new int[0];

    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>One ApiRegistrationKey per registration (id, name, key) instead of the bare key.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected override void ProcessItem()
    {
        var client = Connect();
        var service = new ApiRegistrationService(client);
        foreach (var id in RegistrationId)
        {
            TryItem(() =>
            {
                var name = Detailed ? ApiRegistrationKeyOutput.NameOf(this, service, id) : null;
                var key = Run((log, token) => service.ReadKeyAsync(id, log, token));
                WriteObject(ApiRegistrationKeyOutput.Of(id, name, key, AsPlainText, Detailed, client.Session));
            }, id);
        }
    }
}
