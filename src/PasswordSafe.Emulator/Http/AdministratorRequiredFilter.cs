using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PasswordSafe.Emulator.Http;

/// <summary>Admin endpoints: the session user must be in an active group with Administrator = true, else 403 4031.</summary>
internal sealed class AdministratorRequiredFilter : IEndpointFilter
{
    private readonly EmulatorState _state;

    public AdministratorRequiredFilter(EmulatorState state) => _state = state;

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var session = RequestFacts.Session(context.HttpContext);
        if (!_state.IsAdministrator(session.UserId)) return ValueTask.FromResult<object?>(ApiResults.NoPermission());
        return next(context);
    }
}
