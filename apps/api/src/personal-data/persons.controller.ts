import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, type PersonDirectory, PersonRecordScope, authorizeScope } from '@clas/application';
import type { Clock, EventStore } from '@clas/event-store';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { AnswersWith } from '../contract/answers-with.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { forbidden, notFound, validationFailed } from '../http/api-error.js';
import { ApiErrorResponses } from '../http/api-error-responses.decorator.js';
import { CLOCK, EVENT_STORE, PERSON_DIRECTORY, PERSONAL_DATA_STORE } from '../tokens.js';
import type { PersonKind, PersonRecord, PersonalDataStore } from '@clas/personal-data';
import { PersonPathParams, PutPersonRequestDto } from './put-person.request.dto.js';

/**
 * Personal data outside the log (domain.md §8). Writers and readers are the people who deal
 * with the families: Caf agents of the record's Caf and the operator the person is with.
 * Auditors, the committee and dashboards work on the log, which names nobody, so they get no
 * names. Only a Caf agent erases (right to erasure); the log and every figure are untouched.
 * A record is tied to the id the log uses (issue 11 §4, PersonRecordScope): its scope is the
 * actor's, the operator it names is of its Caf, and an id the log names stays with the
 * operator whose event first named it; GET and DELETE then follow the record's scope.
 */
@ApiTags('persons')
@ApiBearerAuth()
@Controller('persons')
export class PersonsController {
  private readonly recordScope: PersonRecordScope;

  constructor(
    @Inject(PERSONAL_DATA_STORE) private readonly persons: PersonalDataStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(PERSON_DIRECTORY) directory: PersonDirectory,
  ) {
    this.recordScope = new PersonRecordScope(store, directory);
  }

  @Put(':personId')
  @Roles('caf_agent', 'operator')
  @ApiOperation({ operationId: 'putPerson', summary: 'Record or replace the name and contact behind a person id (child, parent, staff)' })
  @AnswersWith('PersonRecord', 'The record as stored')
  @ApiErrorResponses(400, 401, 403, 413, 415)
  async put(@Param() path: PersonPathParams, @Body() body: PutPersonRequestDto, @CurrentActor() actor: Actor): Promise<PersonRecord> {
    const existing = await this.persons.get(path.personId);
    const record: PersonRecord = {
      personId: path.personId,
      kind: body.kind as PersonKind,
      firstName: body.firstName,
      lastName: body.lastName,
      contact: { email: body.contact?.email ?? null, phone: body.contact?.phone ?? null, address: body.contact?.address ?? null },
      cafCode: body.cafCode,
      // An operator's record is its own unless it names another (then the scope check refuses it).
      operatorId: body.operatorId ?? (actor.role === 'operator' ? actor.operatorId : null),
      updatedAt: this.clock.now().toISOString(),
    };
    const decision = await this.recordScope.check(actor, path.personId, record, existing);
    if (!decision.ok)
      throw decision.status === 403 ? forbidden(decision.reason) : validationFailed([{ field: decision.field, message: decision.message }]);
    await this.persons.put(record);
    return record;
  }

  @Get(':personId')
  @Roles('caf_agent', 'operator')
  @ApiOperation({ operationId: 'getPerson', summary: 'The name and contact behind a person id' })
  @AnswersWith('PersonRecord', 'The record')
  @ApiErrorResponses(400, 401, 403, 404)
  async get(@Param() path: PersonPathParams, @CurrentActor() actor: Actor): Promise<PersonRecord> {
    const record = await this.persons.get(path.personId);
    if (!record) throw notFound('person', path.personId);
    this.assertScope(actor, record);
    return record;
  }

  @Delete(':personId')
  @HttpCode(204)
  @Roles('caf_agent')
  @ApiOperation({
    operationId: 'erasePerson',
    summary: 'Right to erasure: delete the name and contact; the log and every figure are untouched',
  })
  @ApiNoContentResponse({ description: 'Erased' })
  @ApiErrorResponses(400, 401, 403, 404)
  async erase(@Param() path: PersonPathParams, @CurrentActor() actor: Actor): Promise<void> {
    const record = await this.persons.get(path.personId);
    if (!record) throw notFound('person', path.personId);
    this.assertScope(actor, record);
    await this.persons.erase(path.personId);
  }

  /** The application's write-scope rule: own Caf for Caf agents, own operator for operators. */
  private assertScope(actor: Actor, record: Pick<PersonRecord, 'cafCode' | 'operatorId'>): void {
    const decision = authorizeScope(actor, { cafCode: record.cafCode, operatorId: record.operatorId });
    if (!decision.ok) throw forbidden(decision.reason);
  }
}
