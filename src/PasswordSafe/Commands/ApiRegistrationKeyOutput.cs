using System.Security;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// What Get- and Reset-PSApiRegistrationKey write for one registration: the bare key (a SecureString, or text with
/// -AsPlainText), which is what Connect-PasswordSafe -ApiKey takes; or with -Detailed an <see cref="ApiRegistrationKey"/>
/// naming the registration, so the keys of several piped registrations can be told apart.
/// </summary>
internal static class ApiRegistrationKeyOutput
{
    /// <summary>
    /// The registration's name, for -Detailed, before its key is read or rotated: from the piped registration (or key
    /// object) when it is this one, else read. A read that fails leaves the name out; the key still comes.
    /// </summary>
    public static string? NameOf(AdminCmdlet cmdlet, ApiRegistrationService service, int id)
    {
        switch (cmdlet.PipedRecord?.BaseObject)
        {
            case ApiRegistration registration when registration.RegistrationId == id:
                return registration.Name;
            case ApiRegistrationKey key when key.RegistrationId == id && key.Name != null:
                return key.Name;
        }

        try
        {
            return cmdlet.Run((log, token) => service.GetAsync(id, log, token)).Name;
        }
        catch (PasswordSafeException e)
        {
            cmdlet.WriteVerbose($"The result for {ApiRegistrationService.Describe(id)} names it by id only: its name could not be read ({e.Message})");
            return null;
        }
    }

    public static object Of(int id, string? name, SecureString key, bool asPlainText, bool detailed, PasswordSafeSession session)
    {
        object value = asPlainText ? SecureStringReader.ToPlainText(key) ?? string.Empty : key;
        return detailed ? new ApiRegistrationKey { RegistrationId = id, Name = name, Key = value, Session = session } : value;
    }
}
