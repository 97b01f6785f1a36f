using System.Management.Automation;
using System.Security;
using PasswordSafe.Admin;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Reads an API registration's key (spec A6; the server audits the read). Output is a SecureString for
/// Connect-PasswordSafe -ApiKey, or plain text only with -AsPlainText.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSApiRegistrationKey")]
[OutputType(typeof(SecureString), typeof(string))]
public sealed class GetPSApiRegistrationKeyCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] RegistrationId { get; set; } = new int[0];

    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    protected override void ProcessItem()
    {
        var service = new ApiRegistrationService(Connect());
        foreach (var id in RegistrationId)
        {
            TryItem(() =>
            {
                var key = Run((log, token) => service.ReadKeyAsync(id, log, token));
                WriteObject(AsPlainText ? (object)(SecureStringReader.ToPlainText(key) ?? string.Empty) : key);
            }, id);
        }
    }
}
