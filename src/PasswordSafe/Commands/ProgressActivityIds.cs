namespace PasswordSafe.Commands;

/// <summary>Stable progress activity ids, one per kind of long run, so each update moves the same bar and two cmdlets in one pipeline get two bars.</summary>
internal static class ProgressActivityIds
{
    public const int Listing = 0x5053; // "PS"
    public const int NewRequest = 0x5054;
    public const int RequestAction = 0x5055;
    public const int ApprovalWait = 0x5056;
    public const int CredentialRead = 0x5057;
}
