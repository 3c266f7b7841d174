import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { StaffList } from '../../admin/src/components/StaffList';
import { server } from '../helpers/msw';
import { render } from '../helpers/render';

describe('StaffList', () => {
  it('lists the staff returned by GET /crm/staff, with the admin token', async () => {
    let authorization: string | null = null;
    server.use(
      http.get('http://localhost:1337/crm/staff', ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json({
          data: [
            { id: 1, firstname: 'Ada', lastname: 'Admin' },
            { id: 2, firstname: 'Sam', lastname: null },
          ],
        });
      })
    );

    render(<StaffList />);

    expect(await screen.findByText('Sales team (2)')).toBeInTheDocument();
    expect(screen.getByText('Ada Admin')).toBeInTheDocument();
    expect(screen.getByText('Sam')).toBeInTheDocument();
    expect(authorization).toBe('Bearer test-admin-token');
  });

  it('says so when the team cannot be loaded', async () => {
    server.use(
      http.get('http://localhost:1337/crm/staff', () =>
        HttpResponse.json(
          { data: null, error: { status: 403, name: 'ForbiddenError', message: 'Forbidden' } },
          { status: 403 }
        )
      )
    );

    render(<StaffList />);

    expect(await screen.findByText('The team could not be loaded.')).toBeInTheDocument();
  });
});
