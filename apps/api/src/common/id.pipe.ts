import { Injectable, PipeTransform } from '@nestjs/common';
import { AppException } from './app-exception';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID cannot name anything: 404, like an id of another account. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value)) throw AppException.notFound();
    return value.toLowerCase();
  }
}
