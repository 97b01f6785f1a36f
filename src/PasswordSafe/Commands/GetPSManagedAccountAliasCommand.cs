using System.Linq;
using System.Management.Automation;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// Lists the requestable managed account aliases (<c>GET Aliases</c>): those whose preferred account the caller may
/// request. A literal -Name asks the server for that alias (<c>?name=</c>); a wildcard filters the list here, as the
/// API has no pattern filter. Not named Get-PSAlias, which reads like PowerShell's own Get-Alias.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSManagedAccountAlias", DefaultParameterSetName = ListSet)]
[OutputType(typeof(ManagedAccountAlias))]
public sealed class GetPSManagedAccountAliasCommand : CheckoutCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    [Parameter(Position = 0, ParameterSetName = ListSet)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ListedAliasNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    public int[] AliasId { get; set; } = new int[0];

    protected override void ProcessItem()
    {
        var client = Connect(out _);
        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in AliasId)
            {
                try
                {
                    WriteObject(Run((log, token) => client.GetAliasAsync(id, log, token)));
                }
                catch (PasswordSafeException e)
                {
                    WriteItemError(e, CheckoutClient.AliasDescription(id));
                }
            }

            return;
        }

        try
        {
            if (Name != null && !WildcardPattern.ContainsWildcardCharacters(Name))
            {
                // Escapes ('web`[01`]', as Tab inserts a name with brackets) are PowerShell's: the server gets the name itself.
                var exact = WildcardPattern.Unescape(Name);
                WriteObject(Run((log, token) => client.GetAliasesAsync(exact, log, token)), enumerateCollection: true);
                return;
            }

            var aliases = Run((log, token) => client.GetAliasesAsync(null, log, token));
            var pattern = Name == null ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            WriteObject(aliases.Where(a => pattern == null || pattern.IsMatch(a.AliasName ?? string.Empty)), enumerateCollection: true);
        }
        catch (PasswordSafeException e)
        {
            // A failed listing names what was listed: the name given, or "aliases".
            WriteItemError(e, Name ?? "aliases");
        }
    }
}
